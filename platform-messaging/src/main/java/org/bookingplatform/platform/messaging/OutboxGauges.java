package org.bookingplatform.platform.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox as the metrics see it: events waiting to go ({@code platform.messaging.outbox.backlog}),
 * the age of the oldest of them ({@code platform.messaging.outbox.oldest.age}, seconds; 0 when
 * none waits) and the parked ones ({@code platform.messaging.outbox.parked}). One query per relay
 * poll and replica fills all three; a scrape reads the cached values and never touches the
 * database, so many scrapers or replicas cannot turn into a query storm. The outbox holds only
 * unpublished rows (the relay deletes what the broker acknowledged), so the query reads a small
 * table except during an outage, which is when the figures matter.
 */
@ApplicationScoped
@Startup
public class OutboxGauges {

    static final String BACKLOG = "platform.messaging.outbox.backlog";
    static final String OLDEST_AGE = "platform.messaging.outbox.oldest.age";
    static final String PARKED = "platform.messaging.outbox.parked";

    private static final String FIGURES = """
            select count(*) filter (where parked_at is null),
                   count(*) filter (where parked_at is not null),
                   coalesce(extract(epoch from now() - min(occurred_at) filter (where parked_at is null)), 0)
            from outbox_event""";

    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();

    OutboxGauges(MeterRegistry registry) {
        Gauge.builder(BACKLOG, backlog, AtomicLong::get)
                .description("Outbox events not yet published and not parked")
                .register(registry);
        Gauge.builder(OLDEST_AGE, oldestAgeMillis, millis -> millis.get() / 1000.0)
                .description("Age of the oldest outbox event not yet published and not parked (0 when none waits)")
                .baseUnit("seconds")
                .register(registry);
        Gauge.builder(PARKED, parked, AtomicLong::get)
                .description("Outbox events parked after the broker refused them; each holds back its aggregate's later events")
                .register(registry);
    }

    /** Every replica refreshes its gauges, whichever holds the relay lock: any one of them tells the truth. */
    @Scheduled(identity = "platform-outbox-gauges", every = "${platform.messaging.outbox.relay-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> refresh() {
        return Panache.withSession(() -> Panache.getSession().chain(session -> session
                        .createNativeQuery(FIGURES, Object[].class)
                        .getSingleResult()))
                .invoke(row -> {
                    backlog.set(((Number) row[0]).longValue());
                    parked.set(((Number) row[1]).longValue());
                    oldestAgeMillis.set(Math.round(((Number) row[2]).doubleValue() * 1000));
                })
                .replaceWithVoid();
    }
}
