package org.bookingplatform.notification.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * A transaction-scoped advisory lock per user. Erasure (user.events) and notices (booking.events,
 * payment.events) are applied by different consumers at once: without it a notice that read "not
 * erased" just before the erasure committed would queue an e-mail after the erasure had deleted them.
 * The two-key lock space is apart from the single-key locks the outbox relay and webhooks take.
 */
@ApplicationScoped
public class PersonLock {

    /** The first key: this lock's class, so that no other two-key lock can collide with it. */
    private static final int PERSON = 0x70657273;

    /** Holds the lock on the user until the current transaction ends; statements after it see what the holder committed. */
    public Uni<Void> lock(UUID userId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("select 1 from (select pg_advisory_xact_lock(:kind, hashtext(:userId))) locked")
                        .setParameter("kind", PERSON)
                        .setParameter("userId", userId.toString())
                        .getSingleResult())
                .replaceWithVoid();
    }
}
