package org.bookingplatform.platform.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes events to the transactional outbox, in the caller's transaction: the event is stored
 * exactly when the state change it announces commits, and {@link OutboxRelay} publishes it
 * afterwards, even if Kafka was down at the time.
 */
@ApplicationScoped
public class Outbox {

    /**
     * Stores the event in the current transaction (the use case's {@code @WithTransaction}).
     * Fails when there is none, or when the data does not serialize to a JSON object.
     * Events of one aggregate are published in the order they are appended, provided the use
     * cases that append them are serialized by the aggregate's own lock (a version column or
     * {@code SELECT ... FOR UPDATE}), as every use case changing an aggregate already must be.
     */
    public Uni<Void> append(OutgoingEvent event) {
        return Uni.createFrom().item(() -> new OutboxEventEntity(event, EventJson.write(event.data())))
                .chain(row -> CallerTransaction.session("Outbox.append").chain(session -> session.persist(row)));
    }
}
