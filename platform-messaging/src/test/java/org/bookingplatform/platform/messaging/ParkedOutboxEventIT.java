package org.bookingplatform.platform.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.bookingplatform.platform.messaging.testapp.TestOrders;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.bookingplatform.testsupport.KafkaTestClient.header;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An event the broker refuses for good (here: a topic name Kafka does not accept) is parked
 * after three refused sends (test application.properties); the rest of the outbox flows past
 * it, the later events of its aggregate wait behind it, and an operator republishes it once
 * the cause is fixed.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class ParkedOutboxEventIT {

    private static final String OPERATOR = "7f6c8a7e-5d3b-4c1a-9e2f-0a1b2c3d4e5f";
    private static final String REFUSED_TOPIC = "no such topic!";

    private final TestDatabase db = TestDatabase.of("platform_messaging");

    @Inject
    TestOrders orders;

    @Inject
    OutboxGauges gauges;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "test.orders-topic")
    String topic;

    @Test
    @TestSecurity(user = OPERATOR, roles = "operator")
    void refusedEventIsParkedWithoutBlockingOthersAndRepublishedInOrderWithItsAggregate() throws Throwable {
        UUID blocked = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        OutgoingEvent refused = VertxContextSupport.subscribeAndAwait(() -> orders.placeOn(REFUSED_TOPIC, blocked));
        OutgoingEvent behind = VertxContextSupport.subscribeAndAwait(() -> orders.advanceOn(topic, blocked));
        OutgoingEvent flowing = VertxContextSupport.subscribeAndAwait(() -> orders.place(other));

        assertEquals(List.of(flowing.id().toString()), ids(Published.records(topic, other, 1)), "another aggregate's event");
        await().atMost(Duration.ofSeconds(30)).until(() ->
                db.count("select count(*) from outbox_event where id = ? and parked_at is not null", refused.id()) == 1);
        VertxContextSupport.subscribeAndAwait(() -> gauges.refresh());
        assertEquals(1, db.count("select count(*) from outbox_event where id = ? and attempts = 3 and last_error like ?",
                refused.id(), "InvalidTopicException%"));
        assertEquals(1, db.count("select count(*) from outbox_event where id = ? and parked_at is null", behind.id()),
                "the later event of the parked aggregate waits, unparked");
        assertTrue(KafkaTestClient.collect(topic, KafkaTestClient.withKey(blocked), Duration.ofSeconds(2)).isEmpty(),
                "nothing of the parked aggregate is published");
        assertTrue(registry.get(OutboxGauges.PARKED).gauge().value() >= 1, "the parked-events gauge");

        given().when().get("/admin/outbox/parked?size=100")
                .then().statusCode(200)
                .body("items.id", hasItem(refused.id().toString()))
                .body("items.find { it.id == '" + refused.id() + "' }.waitingBehind", equalTo(1))
                .body("items.find { it.id == '" + refused.id() + "' }.topic", equalTo(REFUSED_TOPIC));

        // The operator's fix of the cause, then the republish.
        db.update("update outbox_event set topic = ? where id = ?", topic, refused.id());
        given().when().post("/admin/outbox/parked/" + refused.id() + "/republish")
                .then().statusCode(200)
                .body("ids", contains(refused.id().toString()));

        assertEquals(List.of(refused.id().toString(), behind.id().toString()), ids(Published.records(topic, blocked, 2)),
                "the republished event, then the one that waited behind it");
        await().atMost(Duration.ofSeconds(10)).until(() ->
                db.count("select count(*) from outbox_event where subject = ?", blocked.toString()) == 0);
    }

    @Test
    @TestSecurity(user = OPERATOR, roles = "operator")
    void republishingAnEventThatIsNotParkedIsNotFoundAndABadIdIsABadRequest() {
        given().when().post("/admin/outbox/parked/" + UUID.randomUUID() + "/republish")
                .then().statusCode(404).contentType("application/problem+json");
        given().when().post("/admin/outbox/parked/not-an-id/republish")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("id"));
        given().when().get("/admin/outbox/parked?page=" + PageRequest.MAX_PAGE + "&size=100")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().when().get("/admin/outbox/parked?page=2147483647&size=100")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
    }

    @Test
    @TestSecurity(user = "3c1d2b4a-0000-4000-8000-00000000c0de", roles = "customer")
    void onlyOperatorsSeeOrRepublishParkedEvents() {
        given().when().get("/admin/outbox/parked").then().statusCode(403);
        given().when().post("/admin/outbox/parked/republish").then().statusCode(403);
    }

    @Test
    void anonymousCallersAreUnauthorized() {
        given().when().post("/admin/outbox/parked/republish").then().statusCode(401);
    }

    private static List<String> ids(List<org.apache.kafka.clients.consumer.ConsumerRecord<String, String>> records) {
        return records.stream().map(record -> header(record, "ce_id")).toList();
    }
}
