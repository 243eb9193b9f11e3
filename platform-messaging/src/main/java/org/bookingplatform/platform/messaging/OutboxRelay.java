package org.bookingplatform.platform.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Publishes committed outbox events to Kafka, oldest first, and deletes them once the broker has
 * acknowledged them. Delivery is at least once: if the delete does not commit after a send
 * succeeded, the event is sent again on the next run, and consumers drop it by its id
 * ({@link Inbox}).
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

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final MutinyEmitter<String> channel;
    private final MessagingConfig config;

    OutboxRelay(@Channel(CHANNEL) MutinyEmitter<String> channel, MessagingConfig config) {
        this.channel = channel;
        this.config = config;
    }

    /** Skipped until the application has started: the Kafka channel is wired during startup. */
    @Scheduled(identity = "platform-outbox-relay", every = "${platform.messaging.outbox.relay-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> relayOnSchedule() {
        return publishPending()
                .onFailure().invoke(failure -> LOG.warnf("Outbox not published, retrying on the next run: %s", failure.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Publishes batch after batch until the outbox is drained or another relay holds the lock. */
    public Uni<Void> publishPending() {
        int batchSize = config.outbox().batchSize();
        return Uni.createFrom().deferred(this::publishBatch)
                .repeat().whilst(published -> published == batchSize)
                .collect().last()
                .replaceWithVoid();
    }

    /**
     * In one transaction: takes the relay lock (or returns 0 when another relay has it), sends
     * the oldest events ({@link #sendAll}) and deletes them. A failed or timed-out send rolls the
     * whole batch back for the next run.
     *
     * @return how many events were published
     */
    public Uni<Integer> publishBatch() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(session -> tryLock(session)
                        .chain(locked -> locked ? publishOldest(session) : Uni.createFrom().item(0))));
    }

    private Uni<Boolean> tryLock(Mutiny.Session session) {
        return session.createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                .getSingleResult();
    }

    private Uni<Integer> publishOldest(Mutiny.Session session) {
        return session.createSelectionQuery("from OutboxEventEntity order by position", OutboxEventEntity.class)
                .setMaxResults(config.outbox().batchSize())
                .getResultList()
                .call(this::sendAll)
                .call(events -> events.isEmpty() ? Uni.createFrom().voidItem() : session
                        .createMutationQuery("delete from OutboxEventEntity where id in :ids")
                        .setParameter("ids", events.stream().map(OutboxEventEntity::id).toList())
                        .executeUpdate())
                .map(List::size);
    }

    /**
     * Sends a batch: the events of different aggregates concurrently, so that the producer batches
     * them and the relay keeps up with a busy service; the events of one aggregate one after the
     * other, each once the previous one was acknowledged, so that a failed send can never let a
     * later event of that aggregate reach Kafka before it. Waits for every send before the batch
     * commits or rolls back.
     */
    private Uni<Void> sendAll(List<OutboxEventEntity> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<String, List<OutboxEventEntity>> bySubject = events.stream()
                .collect(Collectors.groupingBy(OutboxEventEntity::subject, LinkedHashMap::new, Collectors.toList()));
        List<Uni<Void>> aggregates = bySubject.values().stream().map(this::sendInOrder).toList();
        return Uni.join().all(aggregates).andCollectFailures().replaceWithVoid();
    }

    private Uni<Void> sendInOrder(List<OutboxEventEntity> events) {
        return Multi.createFrom().iterable(events)
                .onItem().transformToUniAndConcatenate(this::send)
                .collect().last();
    }

    private Uni<Void> send(OutboxEventEntity event) {
        Context context = Vertx.currentContext();
        return channel.sendMessage(asCloudEvent(event))
                .ifNoItem().after(config.outbox().sendTimeout()).fail()
                .onFailure().transform(failure -> new IllegalStateException("event " + event.id() + " to "
                        + event.topic() + " not acknowledged by Kafka: " + failure.getMessage(), failure))
                // A timeout fires on a timer thread; the session may only be used on its own context.
                .emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private static Message<String> asCloudEvent(OutboxEventEntity event) {
        return Message.of(event.data())
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
}
