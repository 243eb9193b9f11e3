package org.bookingplatform.platform.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.platform.messaging.testapp.TestOrders;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.bookingplatform.testsupport.KafkaTestClient.header;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The outbox publishes to a broker of this class alone, which the test takes down and brings back. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PrivateKafkaBroker.class, restrictToAnnotatedClass = true)
class OutboxOutageIT {

    private final TestDatabase db = TestDatabase.of("platform_messaging");

    @Inject
    TestOrders orders;

    @ConfigProperty(name = "test.orders-topic")
    String topic;

    @Test
    void relayCatchesUpAfterBrokerOutage() throws Throwable {
        UUID orderId = UUID.randomUUID();
        OutgoingEvent placed;

        PrivateKafkaBroker.stopBroker();
        try {
            placed = VertxContextSupport.subscribeAndAwait(() -> orders.place(orderId));

            assertEquals(1, db.count("select count(*) from test_order where id = ?", orderId));
            // Relay runs fail meanwhile (each send gives up after the channel's delivery
            // timeout); the event stays in the outbox instead of being marked as sent.
            Thread.sleep(8_000);
            assertEquals(1, db.count("select count(*) from outbox_event where id = ?", placed.id()));
        } finally {
            PrivateKafkaBroker.startBroker();
        }

        List<ConsumerRecord<String, String>> records = PrivateKafkaBroker.records(topic, orderId.toString(), 1);
        assertEquals(1, records.size());
        assertEquals(placed.id().toString(), header(records.get(0), "ce_id"));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> db.count("select count(*) from outbox_event where id = ?", placed.id()) == 0);
    }
}
