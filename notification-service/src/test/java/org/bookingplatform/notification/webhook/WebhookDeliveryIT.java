package org.bookingplatform.notification.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.bookingplatform.notification.webhook.client.WebhookSender;
import org.bookingplatform.notification.webhook.service.WebhookTarget;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Booking events from the real Kafka topic reach a real HTTP receiver on 127.0.0.1 (allow-listed in
 * the test profile), signed, retried on the test profile's short schedule, and in order per booking.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class WebhookDeliveryIT {

    private static final TestDatabase DB = TestDatabase.of("notification_service");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestReceiver RECEIVER = new TestReceiver();
    private static final String CONFIRMED = "org.bookingplatform.booking.confirmed";
    private static final String CANCELLED = "org.bookingplatform.booking.cancelled";
    private static final String EXPIRED = "org.bookingplatform.booking.expired";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final UUID partner = UUID.randomUUID();

    @Inject
    WebhookSender sender;

    @AfterAll
    static void stopReceiver() {
        RECEIVER.close();
    }

    @Test
    void aDeliveryCarriesTheCloudEventAndASignatureTheReferenceVerifierAccepts() throws Exception {
        String path = "/signed-" + UUID.randomUUID();
        Created sub = subscribe(path, CONFIRMED);
        UUID booking = UUID.randomUUID();
        publish(UUID.randomUUID(), EXPIRED, booking);           // not subscribed: never sent
        UUID event = UUID.randomUUID();
        publish(event, CONFIRMED, booking);

        TestReceiver.Received got = awaitRequests(path, 1).get(0);
        assertDoesNotThrow(() -> new Webhook(sub.secret()).verify(got.body(), got.headers()));
        assertEquals(event.toString(), got.header("webhook-id"));
        assertTrue(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(got.header("webhook-timestamp"))) < 60);
        assertTrue(got.header("webhook-signature").matches("v1,[A-Za-z0-9+/=]+"), got.header("webhook-signature"));
        assertTrue(got.header("content-type").startsWith("application/cloudevents+json"));
        JsonNode body = JSON.readTree(got.body());
        assertEquals("1.0", body.path("specversion").asText());
        assertEquals(event.toString(), body.path("id").asText());
        assertEquals(CONFIRMED, body.path("type").asText());
        assertEquals(booking.toString(), body.path("subject").asText());
        assertEquals(booking.toString(), body.path("data").path("bookingId").asText());

        awaitDeliveries(sub.id(), "SUCCEEDED");
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/webhooks/subscriptions/" + sub.id() + "/deliveries")
                .then().statusCode(200).body("items.eventId", contains(event.toString()))
                .body("items[0].attempts", equalTo(1)).body("items[0].lastStatusCode", equalTo(200));
        assertEquals(1, RECEIVER.received(path).size());
    }

    @Test
    void anEventDeliveredTwiceByKafkaIsPostedOnce() {
        String path = "/duplicate-" + UUID.randomUUID();
        Created sub = subscribe(path, CONFIRMED, CANCELLED);
        UUID booking = UUID.randomUUID();
        UUID event = UUID.randomUUID();
        publish(event, CONFIRMED, booking);
        publish(event, CONFIRMED, booking);
        UUID marker = UUID.randomUUID();
        publish(marker, CANCELLED, booking);

        // The marker follows both copies on the booking's partition and waits for the first one's
        // delivery, so once it has arrived the duplicate was consumed and queued nothing.
        await().atMost(WAIT).until(() -> RECEIVER.received(path).stream().anyMatch(r -> marker.toString().equals(r.header("webhook-id"))));
        assertEquals(List.of(event.toString(), marker.toString()),
                RECEIVER.received(path).stream().map(r -> r.header("webhook-id")).toList());
        assertEquals(2, DB.count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid", sub.id()));
    }

    @Test
    void aReceiverAnswering500TwiceGetsTheDeliveryOnTheThirdAttempt() {
        String path = "/flaky-" + UUID.randomUUID();
        RECEIVER.answer(path, 500, 500, 200);
        Created sub = subscribe(path, CONFIRMED);
        UUID event = UUID.randomUUID();
        publish(event, CONFIRMED, UUID.randomUUID());

        awaitDeliveries(sub.id(), "SUCCEEDED");
        List<TestReceiver.Received> attempts = RECEIVER.received(path);
        assertEquals(3, attempts.size());
        attempts.forEach(a -> {
            assertEquals(event.toString(), a.header("webhook-id"));
            assertDoesNotThrow(() -> new Webhook(sub.secret()).verify(a.body(), a.headers()));
        });
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/webhooks/subscriptions/" + sub.id() + "/deliveries")
                .then().body("items[0].attempts", equalTo(3)).body("items[0].status", equalTo("SUCCEEDED"));
    }

    @Test
    void aRetryAfterIsHonoured() {
        String path = "/busy-" + UUID.randomUUID();
        RECEIVER.answer(path, 503, 200);
        Created sub = subscribe(path, CONFIRMED);
        publish(UUID.randomUUID(), CONFIRMED, UUID.randomUUID());

        await().atMost(WAIT).until(() -> DB.count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid"
                + " AND attempts = 1 AND last_status_code = 503", sub.id()) == 1);
        // The schedule's 300 ms gave way to the receiver's 2 s.
        assertEquals(1, DB.count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid"
                + " AND next_attempt_at >= last_attempt_at + interval '" + TestReceiver.RETRY_AFTER_SECONDS + " seconds'", sub.id()));
        awaitDeliveries(sub.id(), "SUCCEEDED");
    }

    @Test
    void a410DisablesTheSubscriptionAndNothingMoreIsQueuedForIt() {
        String path = "/gone-" + UUID.randomUUID();
        RECEIVER.answer(path, 410);
        Created sub = subscribe(path, CONFIRMED);
        publish(UUID.randomUUID(), CONFIRMED, UUID.randomUUID());

        awaitDeliveries(sub.id(), "FAILED");
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/webhooks/subscriptions/" + sub.id())
                .then().body("status", equalTo("DISABLED"));
        UUID later = UUID.randomUUID();
        publish(later, CONFIRMED, UUID.randomUUID());
        await().atMost(WAIT).until(() -> DB.count("SELECT count(*) FROM processed_event WHERE consumer = 'notification-service.webhooks'"
                + " AND event_id = ?", later) == 1);
        assertEquals(1, DB.count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid", sub.id()));
        assertEquals(1, RECEIVER.received(path).size());
    }

    @Test
    void aRotatedSecretsOldSignatureStillVerifiesDuringTheGracePeriod() {
        String path = "/rotated-" + UUID.randomUUID();
        Created sub = subscribe(path, CONFIRMED);
        String newSecret = given().auth().oauth2(TestTokens.partner(partner))
                .when().post("/webhooks/subscriptions/" + sub.id() + "/rotate-secret")
                .then().statusCode(200).extract().path("secret");
        publish(UUID.randomUUID(), CONFIRMED, UUID.randomUUID());

        TestReceiver.Received got = awaitRequests(path, 1).get(0);
        assertEquals(2, got.header("webhook-signature").split(" ").length);
        assertDoesNotThrow(() -> new Webhook(sub.secret()).verify(got.body(), got.headers()));
        assertDoesNotThrow(() -> new Webhook(newSecret).verify(got.body(), got.headers()));
    }

    @Test
    void aBookingsLaterEventWaitsUntilItsEarlierOneIsDelivered() throws Exception {
        String path = "/ordered-" + UUID.randomUUID();
        RECEIVER.answer(path, 500, 500, 200);
        Created sub = subscribe(path, CONFIRMED, CANCELLED);
        UUID booking = UUID.randomUUID();
        publish(UUID.randomUUID(), CONFIRMED, booking);
        publish(UUID.randomUUID(), CANCELLED, booking);

        await().atMost(WAIT).until(() -> DB.count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid"
                + " AND status = 'SUCCEEDED'", sub.id()) == 2);
        List<String> types = RECEIVER.received(path).stream().map(r -> type(r.body())).toList();
        assertEquals(List.of(CONFIRMED, CONFIRMED, CONFIRMED, CANCELLED), types);
    }

    @Test
    void aDeliveryIsGivenUpAfterTheScheduleAndRedeliveredOnRequest() {
        String path = "/down-" + UUID.randomUUID();
        RECEIVER.answer(path, 500);
        Created sub = subscribe(path, CONFIRMED);
        publish(UUID.randomUUID(), CONFIRMED, UUID.randomUUID());

        awaitDeliveries(sub.id(), "FAILED");
        // The test profile's schedule has three waits: four attempts in all.
        assertEquals(4, RECEIVER.received(path).size());
        String deliveryId = given().auth().oauth2(TestTokens.partner(partner))
                .when().get("/webhooks/subscriptions/" + sub.id() + "/deliveries")
                .then().body("items[0].attempts", equalTo(4)).body("items[0].lastStatusCode", equalTo(500))
                .extract().path("items[0].id");

        RECEIVER.answer(path, 200);
        given().auth().oauth2(TestTokens.partner(partner))
                .when().post("/webhooks/subscriptions/" + sub.id() + "/deliveries/" + deliveryId + "/redeliver")
                .then().statusCode(202).body("status", equalTo("PENDING"));
        await().atMost(WAIT).until(() -> DB.count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid"
                + " AND status = 'SUCCEEDED'", sub.id()) == 1);
        assertEquals(5, RECEIVER.received(path).size());
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID()))
                .when().post("/webhooks/subscriptions/" + sub.id() + "/deliveries/" + deliveryId + "/redeliver")
                .then().statusCode(404);
    }

    @Test
    void aSubscriptionFailingLongerThanThePauseTimeIsPausedAndARedeliveryResumesIt() {
        String path = "/failing-" + UUID.randomUUID();
        RECEIVER.answer(path, 500);
        Created sub = subscribe(path, CONFIRMED);
        publish(UUID.randomUUID(), CONFIRMED, UUID.randomUUID());
        awaitDeliveries(sub.id(), "FAILED");
        // Still failing once the test profile's pause time (5 s) has passed since the first failure.
        await().atMost(WAIT).until(() -> DB.count("SELECT count(*) FROM webhook_subscription WHERE id = ?::uuid"
                + " AND failing_since < now() - interval '5 seconds'", sub.id()) == 1);
        publish(UUID.randomUUID(), CONFIRMED, UUID.randomUUID());

        await().atMost(WAIT).untilAsserted(() -> given().auth().oauth2(TestTokens.partner(partner))
                .when().get("/webhooks/subscriptions/" + sub.id()).then().body("status", equalTo("PAUSED")));
        String givenUp = given().auth().oauth2(TestTokens.partner(partner))
                .when().get("/webhooks/subscriptions/" + sub.id() + "/deliveries")
                .then().body("items[0].status", equalTo("PENDING")).body("items[0].attempts", equalTo(1))
                .extract().path("items[1].id");

        RECEIVER.answer(path, 200);
        given().auth().oauth2(TestTokens.partner(partner))
                .when().post("/webhooks/subscriptions/" + sub.id() + "/deliveries/" + givenUp + "/redeliver")
                .then().statusCode(202);
        await().atMost(WAIT).until(() -> DB.count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid"
                + " AND status = 'SUCCEEDED'", sub.id()) == 2);
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/webhooks/subscriptions/" + sub.id())
                .then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void aTargetThatIsNoLongerAllowedIsRefusedAtDeliveryWithoutBeingCalled() {
        // Stored behind the registration check (as if the allow-list had changed since): the
        // dispatcher checks again and never connects.
        UUID id = UUID.randomUUID();
        DB.update("INSERT INTO webhook_subscription (id, partner_id, url, event_types, secret, status) VALUES (?, ?, ?, ?::text[], ?, 'ACTIVE')",
                id, partner, "https://10.0.0.1/h", "{" + CONFIRMED + "}", "whsec_" + "A".repeat(43) + "=");
        publish(UUID.randomUUID(), CONFIRMED, UUID.randomUUID());

        await().atMost(WAIT).until(() -> DB.count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?"
                + " AND attempts >= 1 AND last_status_code IS NULL AND last_error LIKE 'target refused: %non-public%'", id) == 1);
    }

    @Test
    void theSenderConnectsToTheCheckedAddressAndNamesTheUrlsHost() throws Exception {
        // A .invalid name never resolves: the request can only arrive if the sender connects to the
        // address it was given instead of looking the name up again (no window for DNS rebinding).
        String path = "/pinned-" + UUID.randomUUID();
        URI receiver = URI.create(RECEIVER.url(path));
        URI named = URI.create("http://pinned.invalid:" + receiver.getPort() + path);
        WebhookSender.Answer answer = sender.post(new WebhookTarget(named, InetAddress.getLoopbackAddress()),
                Map.of("webhook-id", "pinned"), "{}").await().atMost(WAIT);

        assertEquals(200, answer.status());
        assertEquals("pinned.invalid:" + receiver.getPort(), RECEIVER.received(path).get(0).header("host"));
    }

    private record Created(String id, String secret) {
    }

    private Created subscribe(String path, String... types) {
        String typeList = String.join("\",\"", types);
        var created = given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body("{\"url\":\"" + RECEIVER.url(path) + "\",\"eventTypes\":[\"" + typeList + "\"]}")
                .when().post("/webhooks/subscriptions")
                .then().statusCode(201).extract();
        return new Created(created.path("id"), created.path("secret"));
    }

    private static List<TestReceiver.Received> awaitRequests(String path, int count) {
        await().atMost(WAIT).until(() -> RECEIVER.received(path).size() >= count);
        return RECEIVER.received(path);
    }

    private static void awaitDeliveries(String subscriptionId, String status) {
        await().atMost(WAIT).until(() -> DB.count("SELECT count(*) FROM webhook_delivery WHERE subscription_id = ?::uuid AND status = ?",
                subscriptionId, status) >= 1);
    }

    private static String type(String body) {
        try {
            return JSON.readTree(body).path("type").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void publish(UUID eventId, String type, UUID booking) {
        String data = """
                {"bookingId":"%s","version":2,"occurredAt":"%s","listingId":"%s","customerId":"%s"}"""
                .formatted(booking, Instant.now(), UUID.randomUUID(), UUID.randomUUID());
        KafkaTestClient.publish("booking.events", booking.toString(), data, Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", type,
                "ce_source", "/booking-service",
                "ce_subject", booking.toString(),
                "ce_time", Instant.now().toString(),
                "ce_dataschema", "urn:bookingplatform:schema:" + type.substring("org.bookingplatform.".length()) + ":v1",
                "content-type", "application/json"));
    }
}
