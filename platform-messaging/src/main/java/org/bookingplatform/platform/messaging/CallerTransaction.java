package org.bookingplatform.platform.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import org.hibernate.reactive.mutiny.Mutiny;

/** The reactive session of the use case that called the outbox or the inbox. */
final class CallerTransaction {

    private CallerTransaction() {
    }

    /**
     * The caller's session, failing when it has no open transaction: a row written outside one
     * would commit on its own, apart from the state change it belongs to, which is the very
     * inconsistency the outbox and the inbox exist to prevent.
     */
    static Uni<Mutiny.Session> session(String operation) {
        return Uni.createFrom().deferred(Panache::getSession)
                .invoke(session -> {
                    if (session.currentTransaction() == null) {
                        throw new IllegalStateException(operation + " must run in the caller's transaction (@WithTransaction)");
                    }
                });
    }
}
