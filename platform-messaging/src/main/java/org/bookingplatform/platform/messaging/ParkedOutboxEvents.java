package org.bookingplatform.platform.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

/**
 * The outbox events the relay parked ({@link OutboxRelay}): how many there are (the gauge
 * {@code platform.messaging.outbox.parked} of {@link OutboxGauges}), which they are, and the
 * operator's way back: republishing puts an event back in line at its original position, so it
 * goes before the later events of its aggregate that waited behind it. Fix the cause first
 * (raise the size limit, create the topic, grant the ACL, correct the row); an event refused
 * again is parked again after the same number of attempts.
 */
@ApplicationScoped
public class ParkedOutboxEvents {

    private static final String REPUBLISH = """
            update outbox_event set parked_at = null, retry_at = null, attempts = 0
            where parked_at is not null and id in (:ids)""";

    private final RelayPasses passes;
    private final OutboxGauges gauges;

    ParkedOutboxEvents(RelayPasses passes, OutboxGauges gauges) {
        this.passes = passes;
        this.gauges = gauges;
    }

    /** The parked events, oldest first; an empty list past the last page. */
    public Uni<List<ParkedOutboxEvent>> list(int page, int size) {
        long first = (long) page * size;
        if (first > Integer.MAX_VALUE) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.withSession(() -> Panache.getSession().chain(session -> session.createSelectionQuery("""
                                select new org.bookingplatform.platform.messaging.ParkedOutboxEvent(e.id, e.topic, e.type, e.subject,
                                    e.attempts, e.lastError, e.parkedAt,
                                    (select count(*) from OutboxEventEntity w where w.subject = e.subject and w.position > e.position))
                                from OutboxEventEntity e where e.parkedAt is not null order by e.position""", ParkedOutboxEvent.class)
                        .setFirstResult((int) first)
                        .setMaxResults(size)
                        .getResultList()));
    }

    /** Puts every parked event back in line and wakes the relay; the ids republished, oldest first. */
    public Uni<List<UUID>> republishAll() {
        return republish("select e.id from OutboxEventEntity e where e.parkedAt is not null order by e.position", null);
    }

    /** Puts one parked event back in line; an empty list when no parked event has this id. */
    public Uni<List<UUID>> republish(UUID id) {
        return republish("select e.id from OutboxEventEntity e where e.parkedAt is not null and e.id = :id", id);
    }

    private Uni<List<UUID>> republish(String parkedIds, UUID id) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> {
                    var query = session.createSelectionQuery(parkedIds, UUID.class);
                    if (id != null) {
                        query.setParameter("id", id);
                    }
                    return query.getResultList().call(ids -> ids.isEmpty() ? Uni.createFrom().voidItem()
                            : session.createNativeQuery(REPUBLISH).setParameter("ids", ids).executeUpdate());
                }))
                .call(ids -> {
                    if (ids.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    passes.wake();
                    return gauges.refresh();
                });
    }
}
