package org.bookingplatform.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.platform.messaging.testapp.OrderChanged;
import org.bookingplatform.platform.messaging.testapp.TestOrders;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import static org.awaitility.Awaitility.await;
import static org.bookingplatform.testsupport.KafkaTestClient.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class OutboxIT {

    private final TestDatabase db = TestDatabase.of("platform_messaging");

    @Inject
    TestOrders orders;

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @ConfigProperty(name = "test.orders-topic")
    String topic;

    @Test
    void appendedEventIsPublishedWithCloudEventsHeaders() throws Throwable {
        UUID orderId = UUID.randomUUID();

        OutgoingEvent placed = VertxContextSupport.subscribeAndAwait(() -> orders.place(orderId));

        List<ConsumerRecord<String, String>> records = Published.records(topic, orderId, 1);
        assertEquals(1, records.size());
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals(orderId.toString(), record.key());
        assertEquals(placed.id().toString(), header(record, "ce_id"));
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("org.bookingplatform.test.order-placed", header(record, "ce_type"));
        assertEquals("/platform-messaging-test", header(record, "ce_source"));
        assertEquals(orderId.toString(), header(record, "ce_subject"));
        assertEquals("urn:bookingplatform:schema:test.order-placed:v1", header(record, "ce_dataschema"));
        assertEquals(placed.time(), OffsetDateTime.parse(header(record, "ce_time")).toInstant());
        assertEquals("application/json", header(record, "content-type"));
        JsonNode data = Published.data(record);
        assertEquals(orderId.toString(), data.get("orderId").asText());
        assertEquals(1, data.get("version").asInt());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> db.count("select count(*) from outbox_event where id = ?", placed.id()) == 0);
    }

    @Test
    void rolledBackTransactionPublishesNothing() throws Throwable {
        UUID rolledBack = UUID.randomUUID();

        Throwable failure = assertThrows(Throwable.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> orders.placeThenFail(rolledBack)));

        assertTrue(failure.getMessage().contains("a rule broken after the writes"), failure.toString());
        assertEquals(0, db.count("select count(*) from test_order where id = ?", rolledBack));
        assertEquals(0, db.count("select count(*) from outbox_event where subject = ?", rolledBack.toString()));
        UUID committed = UUID.randomUUID();
        VertxContextSupport.subscribeAndAwait(() -> orders.place(committed));
        assertEquals(1, Published.records(topic, committed, 1).size());
        assertTrue(KafkaTestClient.collect(topic, KafkaTestClient.withKey(rolledBack), Duration.ofSeconds(2)).isEmpty());
    }

    @Test
    void eventsOfOneAggregateArriveInOrder() throws Throwable {
        UUID orderId = UUID.randomUUID();

        VertxContextSupport.subscribeAndAwait(() -> orders.place(orderId));
        for (int i = 0; i < 49; i++) {
            VertxContextSupport.subscribeAndAwait(() -> orders.advance(orderId));
        }

        List<Integer> versions = Published.records(topic, orderId, 50).stream()
                .map(record -> Published.data(record).get("version").asInt())
                .toList();
        assertEquals(IntStream.rangeClosed(1, 50).boxed().toList(), versions);
    }

    @Test
    void interleavedAggregatesEachArriveInOrder() throws Throwable {
        // Round robin over four orders: every relay batch holds several aggregates, which it sends concurrently.
        List<UUID> orderIds = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        for (UUID orderId : orderIds) {
            VertxContextSupport.subscribeAndAwait(() -> orders.place(orderId));
        }
        for (int i = 0; i < 24; i++) {
            for (UUID orderId : orderIds) {
                VertxContextSupport.subscribeAndAwait(() -> orders.advance(orderId));
            }
        }

        for (UUID orderId : orderIds) {
            List<Integer> versions = Published.records(topic, orderId, 25).stream()
                    .map(record -> Published.data(record).get("version").asInt())
                    .toList();
            assertEquals(IntStream.rangeClosed(1, 25).boxed().toList(), versions, "versions of order " + orderId);
        }
    }

    @Test
    void twoRelaysDoNotPublishTwiceOrOutOfOrder() throws Exception {
        UUID orderId = UUID.randomUUID();
        List<OutgoingEvent> history = runOnVertx(() -> orders.placeWithHistory(orderId, 100));

        // Two relays drain the backlog at once (beside the scheduled one), ten events a batch.
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<Void> drain = () -> runOnVertx(() -> relay.publishPending());
            for (Future<Void> replica : replicas.invokeAll(List.of(drain, drain))) {
                replica.get();
            }
        } finally {
            replicas.shutdown();
        }

        List<String> published = Published.records(topic, orderId, 100).stream()
                .map(record -> header(record, "ce_id"))
                .toList();
        assertEquals(100, published.size(), "records published for the order");
        assertEquals(history.stream().map(event -> event.id().toString()).toList(), published);
        assertEquals(0, db.count("select count(*) from outbox_event where subject = ?", orderId.toString()));
    }

    @Test
    void relayPublishesNothingWhileAnotherRelayHoldsTheLock() throws Throwable {
        UUID orderId = UUID.randomUUID();
        try (Connection otherRelay = DriverManager.getConnection(
                TestInfrastructure.jdbcUrl("platform_messaging"), "platform_messaging", "platform_messaging");
             Statement statement = otherRelay.createStatement()) {
            otherRelay.setAutoCommit(false);
            statement.execute("select pg_advisory_xact_lock(" + OutboxRelay.RELAY_LOCK + ")");

            OutgoingEvent placed = VertxContextSupport.subscribeAndAwait(() -> orders.place(orderId));

            assertEquals(0, VertxContextSupport.subscribeAndAwait(() -> relay.publishBatch()));
            assertTrue(KafkaTestClient.collect(topic, KafkaTestClient.withKey(orderId), Duration.ofSeconds(2)).isEmpty());
            assertEquals(1, db.count("select count(*) from outbox_event where id = ?", placed.id()));
            otherRelay.commit();
        }
        assertEquals(1, Published.records(topic, orderId, 1).size());
    }

    @Test
    void appendOutsideATransactionIsRejected() {
        UUID orderId = UUID.randomUUID();
        OutgoingEvent event = OutgoingEvent.of(topic, TestOrders.PLACED, TestOrders.SOURCE, orderId.toString(),
                new OrderChanged(orderId, 1));

        Throwable failure = assertThrows(Throwable.class,
                () -> VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> outbox.append(event))));

        assertTrue(failure.getMessage().contains("must run in the caller's transaction"), failure.toString());
        assertEquals(0, db.count("select count(*) from outbox_event where id = ?", event.id()));
    }

    /** Runs the work on a Vert.x context of its own, as one replica's relay or one request would. */
    private static <T> T runOnVertx(Supplier<Uni<T>> work) throws Exception {
        try {
            return VertxContextSupport.subscribeAndAwait(work);
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new ExecutionException(t);
        }
    }
}
