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
 * The idempotent consumer, written once for every service. Kafka delivers at least once (the
 * relay may resend, a consumer may be redelivered what it processed just before a rebalance), so
 * each consumer records the ids of the events it applied, in the same transaction as the effect:
 * the effect and the record commit or roll back together, and a redelivered event is skipped.
 *
 * <p>{@link #once} also owns the failure handling, so that it is the same in every consumer: a
 * transient failure is attempted again in place, in a new transaction, until it succeeds (order
 * kept, nothing dead-lettered); a poison record ({@link ConsumerFailure}) goes to the dead-letter
 * topic and parks its key, and the consumer moves on to the next record.
 *
 * <p>Skipped duplicates and dead letters are counted per consumer ({@link ConsumerMetrics}); a
 * duplicate once the attempt that found it committed.
 */
@ApplicationScoped
public class Inbox {

    private final MessagingConfig config;
    private final InPlaceRetry retry;
    private final ParkedEvents parked;
    private final DeadLetters deadLetters;
    private final ConsumerMetrics metrics;

    Inbox(MessagingConfig config, InPlaceRetry retry, ParkedEvents parked, DeadLetters deadLetters, ConsumerMetrics metrics) {
        this.config = config;
        this.retry = retry;
        this.parked = parked;
        this.deadLetters = deadLetters;
        this.metrics = metrics;
    }

    /**
     * The shape of every consumer: reads the CloudEvent from the record and applies
     * {@code effect} to it unless {@code consumer} already processed it. Each attempt is a
     * transaction of its own, opened here: call it from an {@code @Incoming} method that has no
     * {@code @WithTransaction} or {@code @WithSession}, or an attempt after a failure would run
     * in the failed one's transaction. The returned Uni completes once the record is applied,
     * found already applied, or dead-lettered; it fails only when dead-lettering itself fails
     * for good (the channel then stops, loudly, rather than lose the record).
     */
    public Uni<Void> once(String consumer, ConsumerRecord<String, String> record, Function<IncomingEvent, Uni<Void>> effect) {
        String what = consumer + " at " + ParkedEvents.position(record);
        ConsumerMetrics.Meters meters = metrics.of(consumer);
        return retry.untilDone(what, () -> attempt(consumer, record, effect))
                .onFailure(ConsumerFailure::isPoison).recoverWithItem(Verdict::poison)
                .invoke(verdict -> {
                    if (verdict.duplicate()) {
                        meters.duplicates().increment();
                    }
                })
                .chain(verdict -> verdict.applied()
                        ? Uni.createFrom().voidItem()
                        : retry.untilDone("dead-lettering " + what,
                                        () -> deadLetters.deadLetter(consumer, record, verdict.reason(), verdict.cause()))
                                .invoke(() -> meters.deadLetters().increment()));
    }

    private Uni<Verdict> attempt(String consumer, ConsumerRecord<String, String> record, Function<IncomingEvent, Uni<Void>> effect) {
        IncomingEvent event = IncomingEvent.from(record);
        String ref = ParkedEvents.refOf(record);
        return Panache.withTransaction(() -> claim(consumer, event.id(), record.key(), ref)
                .chain(claim -> {
                    if (claim.oldestParked() != null && !claim.oldestParked().equals(ref)) {
                        return Uni.createFrom().item(Verdict.behind(record.key(), claim.oldestParked()));
                    }
                    return (claim.first() ? effect.apply(event) : Uni.createFrom().voidItem())
                            .chain(() -> claim.oldestParked() != null ? parked.release(consumer, ref) : Uni.createFrom().voidItem())
                            .replaceWith(claim.first() ? Verdict.APPLIED : Verdict.DUPLICATE);
                }));
    }

    /**
     * One statement, in the attempt's transaction: the oldest parked event of the record's key (a
     * key without one flows), and, unless an earlier event of the key is parked, the inbox row,
     * inserted only the first time the consumer gets the event. A concurrent delivery of the same
     * event waits on the first one's row and finds it already processed once that one commits
     * (first again if it rolls back).
     */
    private static Uni<Claim> claim(String consumer, UUID eventId, String key, String ref) {
        return CallerTransaction.session("Inbox.claim")
                .chain(session -> session.createNativeQuery("""
                                with oldest as (
                                    select ref from parked_event
                                    where consumer = cast(:consumer as text) and record_key = cast(:key as text)
                                    order by position limit 1),
                                inserted as (
                                    insert into processed_event (consumer, event_id, processed_at)
                                    select cast(:consumer as text), cast(:eventId as uuid), now()
                                    where not exists (select 1 from oldest where ref <> cast(:ref as text))
                                    on conflict do nothing
                                    returning 1)
                                select (select ref from oldest), (select count(*) from inserted) = 1""", Object[].class)
                        .setParameter("consumer", consumer)
                        .setParameter("key", key)
                        .setParameter("eventId", eventId)
                        .setParameter("ref", ref)
                        .getSingleResult())
                .map(row -> new Claim((String) row[0], (Boolean) row[1]));
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

    /** The key's oldest parked event (null when none), and whether this is the event's first delivery to the consumer. */
    private record Claim(String oldestParked, boolean first) {
    }

    /** How an attempt at a record ended: applied, already applied (a duplicate), or to be dead-lettered, and why. */
    private record Verdict(boolean applied, boolean duplicate, String reason, Throwable cause) {

        static final Verdict APPLIED = new Verdict(true, false, null, null);
        static final Verdict DUPLICATE = new Verdict(true, true, null, null);

        static Verdict poison(Throwable cause) {
            return new Verdict(false, false, String.valueOf(cause.getMessage()), cause);
        }

        static Verdict behind(String key, String parkedRef) {
            return new Verdict(false, false, "an earlier event of key " + key + " is parked: " + parkedRef, null);
        }
    }
}
