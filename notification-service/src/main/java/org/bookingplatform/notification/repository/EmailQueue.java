package org.bookingplatform.notification.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Queues e-mails in the consumer's transaction; {@code email.EmailDispatcher} sends them. */
@ApplicationScoped
public class EmailQueue {

    /**
     * Queues the e-mail of one event to one user, once: a second call for the same pair (an event
     * applied again after the inbox forgot it) changes nothing.
     */
    public Uni<Void> enqueue(UUID eventId, UUID userId, String kind, String factsJson) {
        // The facts are bound as text and cast: bound as jsonb, the client would store the Java string as a JSON string.
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("""
                                insert into email_message (id, event_id, user_id, kind, facts)
                                values (:id, :eventId, :userId, :kind, cast(cast(:facts as text) as jsonb))
                                on conflict (event_id, user_id) do nothing""")
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("eventId", eventId)
                        .setParameter("userId", userId)
                        .setParameter("kind", kind)
                        .setParameter("facts", factsJson)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Forgets every e-mail of an erased user, sent or not: the rows name their booking facts. */
    public Uni<Void> forget(UUID userId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery("delete from email_message where user_id = :userId")
                        .setParameter("userId", userId)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
