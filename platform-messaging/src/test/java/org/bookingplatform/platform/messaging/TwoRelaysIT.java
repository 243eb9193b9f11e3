package org.bookingplatform.platform.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.bookingplatform.platform.messaging.testapp.ReplicaRelayChannel;
import org.bookingplatform.platform.messaging.testapp.TestOrders;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two replicas of a service, each with its relay, its own Kafka producer and its own LISTEN
 * connection, drain one outbox while writers commit concurrently: the application's relay and
 * a second one built here on {@link ReplicaRelayChannel}. Both are woken by every commit; the
 * advisory lock lets one publish at a time.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class TwoRelaysIT {

    private static final int ORDERS = 8;
    private static final int EVENTS_PER_ORDER = 25;

    private final TestDatabase db = TestDatabase.of("platform_messaging");

    @Inject
    TestOrders orders;

    @Inject
    ReplicaRelayChannel replicaChannel;

    @Inject
    MessagingConfig config;

    @Inject
    Vertx vertx;

    @Inject
    Config rawConfig;

    @ConfigProperty(name = "test.orders-topic")
    String topic;

    @Test
    void twoReplicasUnderConcurrentWritesPublishEveryEventOnceAndInOrderPerAggregate() throws Exception {
        RelayPasses replica = new RelayPasses(new OutboxRelay(replicaChannel.emitter(), config), vertx,
                CommitNotifications.forDatasource(vertx, rawConfig, CommitNotifications.CHANNEL));
        replica.start();
        List<UUID> orderIds = IntStream.range(0, ORDERS).mapToObj(i -> UUID.randomUUID()).toList();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (UUID orderId : orderIds) {
                writes.add(writers.submit(() -> {
                    try {
                        VertxContextSupport.subscribeAndAwait(() -> orders.place(orderId));
                        for (int i = 1; i < EVENTS_PER_ORDER; i++) {
                            VertxContextSupport.subscribeAndAwait(() -> orders.advance(orderId));
                        }
                    } catch (Throwable failure) {
                        throw new IllegalStateException("writes of order " + orderId + " failed", failure);
                    }
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }

            for (UUID orderId : orderIds) {
                List<Integer> versions = Published.records(topic, orderId, EVENTS_PER_ORDER).stream()
                        .map(record -> Published.data(record).get("version").asInt())
                        .toList();
                assertEquals(IntStream.rangeClosed(1, EVENTS_PER_ORDER).boxed().toList(), versions, "versions of order " + orderId);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> orderIds.stream().allMatch(orderId ->
                    db.count("select count(*) from outbox_event where subject = ?", orderId.toString()) == 0));
        } finally {
            writers.shutdownNow();
            replica.stop();
        }
    }
}
