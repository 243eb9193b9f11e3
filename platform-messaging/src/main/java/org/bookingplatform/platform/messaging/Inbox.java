package org.bookingplatform.platform.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * The idempotent-consumer check. Kafka delivers at least once (the relay may resend, a consumer
 * may be redelivered what it processed just before a rebalance), so each consumer records the
 * ids of the events it applied, in the same transaction as the effect: the effect and the
 * record commit or roll back together, and a redelivered event is recognised and skipped.
 */
@ApplicationScoped
public class Inbox {

    private final MessagingConfig config;

    Inbox(MessagingConfig config) {
        this.config = config;
    }

    /**
     * Records that {@code consumer} processes {@code eventId}, in the caller's transaction.
     * True the first time; false when the event was already processed, in which case the
     * caller skips the effect. A concurrent delivery of the same event waits on the first
     * one's row and gets false once that one commits (true if it rolls back).
     */
    public Uni<Boolean> firstDelivery(String consumer, UUID eventId) {
        return CallerTransaction.session("Inbox.firstDelivery")
                .chain(session -> session.createNativeQuery("""
                                insert into processed_event (consumer, event_id, processed_at)
                                values (:consumer, :eventId, now())
                                on conflict do nothing""")
                        .setParameter("consumer", consumer)
                        .setParameter("eventId", eventId)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * The shape of every consumer: reads the CloudEvent from the record and applies
     * {@code effect} to it unless {@code consumer} already processed it, all in the caller's
     * transaction (the consumer method's {@code @WithTransaction}).
     */
    public Uni<Void> once(String consumer, ConsumerRecord<String, String> record, Function<IncomingEvent, Uni<Void>> effect) {
        IncomingEvent event = IncomingEvent.from(record);
        return firstDelivery(consumer, event.id())
                .chain(first -> first ? effect.apply(event) : Uni.createFrom().voidItem());
    }

    /** Forgets processed events older than the retention ({@code platform.messaging.inbox.retention}). */
    @Scheduled(identity = "platform-inbox-purge", every = "${platform.messaging.inbox.purge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> purgeExpired() {
        Instant cutoff = Instant.now().minus(config.inbox().retention());
        return Panache.withTransaction(() -> Panache.getSession()
                        .chain(session -> session.createNativeQuery("delete from processed_event where processed_at < :cutoff")
                                .setParameter("cutoff", cutoff)
                                .executeUpdate()))
                .replaceWithVoid();
    }
}
