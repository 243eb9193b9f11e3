package org.bookingplatform.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox events the relay parked ({@link OutboxRelay}): how many there are (the gauge
 * {@code platform.messaging.outbox.parked}, refreshed on every poll), which they are, and the
 * operator's way back: republishing puts an event back in line at its original position, so it
 * goes before the later events of its aggregate that waited behind it. Fix the cause first
 * (raise the size limit, create the topic, grant the ACL, correct the row); an event refused
 * again is parked again after the same number of attempts.
 */
@ApplicationScoped
@Startup
public class ParkedOutboxEvents {

    static final String GAUGE = "platform.messaging.outbox.parked";

    private static final String REPUBLISH = """
            update outbox_event set parked_at = null, retry_at = null, attempts = 0
            where parked_at is not null and id in (:ids)""";

    private final RelayPasses passes;
    private final AtomicLong parked = new AtomicLong();

    ParkedOutboxEvents(RelayPasses passes, MeterRegistry registry) {
        this.passes = passes;
        Gauge.builder(GAUGE, parked, AtomicLong::get)
                .description("Outbox events parked after the broker refused them; each holds back its aggregate's later events")
                .register(registry);
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
                    return refresh();
                });
    }

    /** How many events are parked now, as the gauge shows it until the next refresh. */
    public long count() {
        return parked.get();
    }

    /** Every replica refreshes its gauge, whichever holds the relay lock: any one of them tells the truth. */
    @Scheduled(identity = "platform-outbox-parked-gauge", every = "${platform.messaging.outbox.relay-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery("select count(*) from outbox_event where parked_at is not null", Long.class)
                        .getSingleResult()))
                .invoke(parked::set)
                .replaceWithVoid();
    }
}
