package org.bookingplatform.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.bookingplatform.platform.messaging.testapp.TestOrders;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The outbox gauges show the rows waiting and how long the oldest has waited, from the real table. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class OutboxGaugesIT {

    private final TestDatabase db = TestDatabase.of("platform_messaging");

    @Inject
    TestOrders orders;

    @Inject
    OutboxGauges gauges;

    @Inject
    MeterRegistry registry;

    @Test
    void backlogAndOldestAgeReflectUnpublishedRowsUntilTheRelayPublishesThem() throws Throwable {
        UUID orderId = UUID.randomUUID();
        // Holding the relay's lock stands in for a relay that cannot publish (a broker away).
        try (Connection stuckRelay = DriverManager.getConnection(
                TestInfrastructure.jdbcUrl("platform_messaging"), "platform_messaging", "platform_messaging");
             Statement statement = stuckRelay.createStatement()) {
            stuckRelay.setAutoCommit(false);
            statement.execute("select pg_advisory_xact_lock(" + OutboxRelay.RELAY_LOCK + ")");
            for (int i = 0; i < 3; i++) {
                VertxContextSupport.subscribeAndAwait(() -> orders.place(UUID.randomUUID()));
            }
            VertxContextSupport.subscribeAndAwait(() -> orders.place(orderId));
            db.update("update outbox_event set occurred_at = now() - interval '2 minutes' where subject = ?", orderId.toString());

            VertxContextSupport.subscribeAndAwait(() -> gauges.refresh());

            assertTrue(gauge(OutboxGauges.BACKLOG) >= 4, "backlog " + gauge(OutboxGauges.BACKLOG));
            assertEquals(db.count("select count(*) from outbox_event where parked_at is null"), (long) gauge(OutboxGauges.BACKLOG));
            assertTrue(gauge(OutboxGauges.OLDEST_AGE) >= 120, "oldest age " + gauge(OutboxGauges.OLDEST_AGE));
            stuckRelay.commit();
        }

        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from outbox_event where subject = ?", orderId.toString()) == 0);
        VertxContextSupport.subscribeAndAwait(() -> gauges.refresh());
        assertTrue(gauge(OutboxGauges.OLDEST_AGE) < 120, "the two-minute-old row is gone: " + gauge(OutboxGauges.OLDEST_AGE));
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }
}
