package org.bookingplatform.platform.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.RetriableException;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Publishes committed outbox events to Kafka, oldest first, and deletes them once the broker has
 * acknowledged them. Delivery is at least once: if the delete does not commit after a send
 * succeeded, the event is sent again on the next run, and consumers drop it by its id
 * ({@link Inbox}). An event the broker keeps refusing is parked after
 * {@code platform.messaging.outbox.max-attempts} refusals, so that it stops delaying the rest
 * of the outbox; the later events of its aggregate wait behind it ({@link ParkedOutboxEvents}).
 * {@link RelayPasses} decides when the relay runs.
 */
@ApplicationScoped
public class OutboxRelay {

    static final String CHANNEL = "platform-outbox";

    /**
     * Key of the transaction-scoped advisory lock that lets one relay at a time, among all the
     * replicas of a service, publish its outbox. Without it two relays would read the same rows
     * and publish them twice; with {@code FOR UPDATE SKIP LOCKED} instead, they would publish
     * different rows concurrently, and a later event of an aggregate could reach Kafka before
     * an earlier one.
     */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    /**
     * The oldest events that may go now. An event waits while an earlier event of its aggregate
     * is parked or waiting for its retry, so that a refused event is never overtaken by a later
     * one of the same aggregate; earlier events that may go are in the same batch, before it.
     */
    private static final String READY = """
            select e.id, e.position, e.attempts, e.last_error, e.parked_at, e.topic, e.type, e.source, e.subject,
                   e.data_schema, e.occurred_at, e.data, e.trace_parent, e.trace_state
            from outbox_event e
            where e.parked_at is null
              and (e.retry_at is null or e.retry_at <= now())
              and not exists (select 1 from outbox_event r
                              where r.attempts > 0 and r.subject = e.subject and r.position < e.position
                                and (r.parked_at is not null or r.retry_at > now()))
            order by e.position
            limit :limit""";

    private static final String REFUSED = """
            update outbox_event
            set attempts = :attempts, last_error = :error,
                retry_at = now() + :backoffSeconds * interval '1 second',
                parked_at = case when :park then now() end
            where id = :id""";

    private static final String UNDELIVERED = "update outbox_event set last_error = :error where id = :id";

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final ScheduledBatches PASSES = ScheduledBatches.named("outbox relay", LOG);

    private final MutinyEmitter<String> channel;
    private final MessagingConfig config;

    @Inject
    OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> channel, MessagingConfig config) {
        this.channel = channel;
        this.config = config;
    }

    /**
     * Publishes batch after batch until the outbox holds nothing that may go now, another relay
     * holds the lock, or the broker is unreachable (the next pass retries then).
     */
    public Uni<Void> publishPending() {
        // An outage counts as an empty batch: it ends the pass, and the next wake-up or poll retries.
        return PASSES.run(config.outbox().batchSize(), () -> relayBatch().map(batch -> batch.outage() ? 0 : batch.read()))
                .replaceWithVoid();
    }

    /**
     * One batch in one transaction ({@link #relayBatch}).
     *
     * @return how many events were published (0 when another relay holds the lock)
     */
    public Uni<Integer> publishBatch() {
        return relayBatch().map(Batch::published);
    }

    /**
     * In one transaction: takes the relay lock (or does nothing when another relay has it),
     * sends the oldest events that may go ({@link #sendAll}), deletes the acknowledged ones and
     * records the failures, parking the events refused too often.
     */
    private Uni<Batch> relayBatch() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> tryLock(session)
                        .chain(locked -> locked ? relayOldest(session) : Uni.createFrom().item(Batch.NONE))));
    }

    private Uni<Boolean> tryLock(Mutiny.Session session) {
        return session.createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult();
    }

    private Uni<Batch> relayOldest(Mutiny.Session session) {
        return session.createNativeQuery(READY, OutboxEventEntity.class)
                .setParameter("limit", config.outbox().batchSize())
                .getResultList()
                .chain(events -> sendAll(events).chain(deliveries -> record(session, events.size(), deliveries)));
    }

    /**
     * Sends a batch: the events of different aggregates concurrently, so that the producer batches
     * them and the relay keeps up with a busy service; the events of one aggregate one after the
     * other, each once the previous one was acknowledged, and none after a failed one, so that a
     * later event of that aggregate can never reach Kafka before an earlier one. Completes when
     * every send has ended, with one delivery per event sent or tried.
     */
    private Uni<List<Delivery>> sendAll(List<OutboxEventEntity> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<String, List<OutboxEventEntity>> bySubject = events.stream()
                .collect(Collectors.groupingBy(OutboxEventEntity::subject, LinkedHashMap::new, Collectors.toList()));
        List<Uni<List<Delivery>>> aggregates = bySubject.values().stream()
                .map(aggregate -> sendInOrder(aggregate, 0, new ArrayList<>()))
                .toList();
        return Uni.join().all(aggregates).andFailFast()
                .map(lists -> lists.stream().flatMap(List::stream).toList());
    }

    private Uni<List<Delivery>> sendInOrder(List<OutboxEventEntity> events, int next, List<Delivery> done) {
        if (next == events.size()) {
            return Uni.createFrom().item(done);
        }
        OutboxEventEntity event = events.get(next);
        return send(event).onItemOrFailure().transformToUni((ignored, failure) -> {
            done.add(new Delivery(event, failure));
            return failure == null ? sendInOrder(events, next + 1, done) : Uni.createFrom().item(done);
        });
    }

    private Uni<Void> send(OutboxEventEntity event) {
        Context context = Vertx.currentContext();
        return channel.sendMessage(asCloudEvent(event))
                .ifNoItem().after(config.outbox().sendTimeout()).fail()
                // A timeout fires on a timer thread; the session may only be used on its own context.
                .emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    /**
     * Deletes the acknowledged events and records the failed ones. A failure counts as a refusal
     * when the broker rejected the record for good, or when the broker acknowledged other events
     * of this batch (it is up, so the failure is this record's); when nothing at all was
     * acknowledged the broker is away, which is never the event's fault and never parks it.
     */
    private Uni<Batch> record(Mutiny.Session session, int read, List<Delivery> deliveries) {
        List<Delivery> sent = deliveries.stream().filter(Delivery::sent).toList();
        List<Delivery> failed = deliveries.stream().filter(delivery -> !delivery.sent()).toList();
        boolean brokerUp = !sent.isEmpty();
        List<Delivery> refused = failed.stream().filter(delivery -> brokerUp || delivery.rejectedForGood()).toList();
        boolean outage = !failed.isEmpty() && refused.isEmpty() && sent.isEmpty();
        if (outage) {
            LOG.warnf("Outbox not published (%d events tried, none acknowledged), retrying on the next pass: %s",
                    failed.size(), failed.get(0).error());
        }
        Uni<Void> work = sent.isEmpty() ? Uni.createFrom().voidItem() : session
                .createMutationQuery("delete from OutboxEventEntity where id in :ids")
                .setParameter("ids", sent.stream().map(delivery -> delivery.event().id()).toList())
                .executeUpdate()
                .replaceWithVoid();
        for (Delivery delivery : failed) {
            work = work.chain(() -> refused.contains(delivery) ? refuse(session, delivery) : undelivered(session, delivery))
                    .replaceWithVoid();
        }
        return work.replaceWith(new Batch(read, sent.size(), outage));
    }

    private Uni<Integer> refuse(Mutiny.Session session, Delivery delivery) {
        OutboxEventEntity event = delivery.event();
        int attempts = event.attempts() + 1;
        boolean park = attempts >= config.outbox().maxAttempts();
        if (park) {
            LOG.errorf("Outbox event %s (type %s, subject %s, topic %s) PARKED after %d refused sends: %s."
                            + " The later events of subject %s wait behind it; republish it with POST /admin/outbox/parked/%s/republish",
                    event.id(), event.type(), event.subject(), event.topic(), attempts, delivery.error(), event.subject(), event.id());
        } else {
            LOG.warnf("Outbox event %s (type %s, subject %s, topic %s) refused, attempt %d of %d: %s",
                    event.id(), event.type(), event.subject(), event.topic(), attempts, config.outbox().maxAttempts(), delivery.error());
        }
        return session.createNativeQuery(REFUSED)
                .setParameter("attempts", attempts)
                .setParameter("error", delivery.error())
                .setParameter("backoffSeconds", backoff(attempts).toMillis() / 1000.0)
                .setParameter("park", park)
                .setParameter("id", event.id())
                .executeUpdate();
    }

    private static Uni<Integer> undelivered(Mutiny.Session session, Delivery delivery) {
        return session.createNativeQuery(UNDELIVERED)
                .setParameter("error", delivery.error())
                .setParameter("id", delivery.event().id())
                .executeUpdate();
    }

    /** The wait after the given refusal: the configured backoff, doubled per earlier refusal, capped. */
    private Duration backoff(int attempts) {
        Duration max = config.outbox().maxRetryBackoff();
        Duration backoff = config.outbox().retryBackoff();
        for (int i = 1; i < attempts && backoff.compareTo(max) < 0; i++) {
            backoff = backoff.multipliedBy(2);
        }
        return backoff.compareTo(max) < 0 ? backoff : max;
    }

    /**
     * The event as a binary-mode CloudEvent, sent under the trace context of the use case that
     * wrote it: the Kafka connector makes its producer span a child of that context and puts the
     * producer span's {@code traceparent} into the record headers, from which consumers continue.
     */
    private static Message<String> asCloudEvent(OutboxEventEntity event) {
        Message<String> message = Message.of(event.data());
        return event.writerTrace().asParent().map(message::addMetadata).orElse(message)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic())
                        .withKey(event.subject())
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.id().toString())
                        .withType(event.type())
                        .withSource(URI.create(event.source()))
                        .withSubject(event.subject())
                        .withDataSchema(URI.create(event.dataSchema()))
                        .withTimestamp(event.occurredAt().atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build());
    }

    /** What one relay transaction did; {@code outage}: sends failed and the broker acknowledged nothing. */
    record Batch(int read, int published, boolean outage) {
        static final Batch NONE = new Batch(0, 0, false);
    }

    /** The outcome of one send: acknowledged ({@code failure} null) or failed. */
    private record Delivery(OutboxEventEntity event, Throwable failure) {

        boolean sent() {
            return failure == null;
        }

        /**
         * A rejection the broker or producer will repeat however often the record is sent (too
         * large, invalid topic, not authorized): a non-retriable Kafka error anywhere in the cause
         * chain. Timeouts, a broker away, a leader moving are retriable.
         */
        boolean rejectedForGood() {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                if (cause instanceof ApiException && !(cause instanceof RetriableException)) {
                    return true;
                }
            }
            return false;
        }

        String error() {
            Throwable root = failure;
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            String message = root.getClass().getSimpleName() + ": " + root.getMessage();
            return message.length() <= 1000 ? message : message.substring(0, 1000);
        }
    }
}
