package org.bookingplatform.notification.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.bookingplatform.testsupport.HostileInput;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.testsupport.HostileInput.assertNoServerErrorAndProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every query parameter, path id and JSON body of notification-service, fed generated hostile
 * values: never a 5xx, every error a problem document, and a refused request writes nothing (the
 * caller's notifications and which are read, the partner's subscriptions and their secrets are
 * the same after it as before). Only the caller's rows are counted: the Kafka consumers write
 * other people's notifications and deliveries meanwhile.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class NotificationFuzzIT {

    private static final int REQUESTS_PER_ENDPOINT = 40;
    private static final TestDatabase DB = TestDatabase.of("notification_service");
    private static final String STATE = """
            SELECT (SELECT count(*) FROM notification WHERE user_id = ?) * 1000003
                 + (SELECT count(*) FROM notification WHERE user_id = ? AND read_at IS NOT NULL) * 10007
                 + (SELECT count(*) FROM webhook_subscription WHERE partner_id = ?) * 101
                 + (SELECT coalesce(sum(hashtext(secret || status)), 0) FROM webhook_subscription WHERE partner_id = ?)""";
    private static final String CONFIRMED = "org.bookingplatform.booking.confirmed";

    private final UUID customer = UUID.randomUUID();
    private final UUID partner = UUID.randomUUID();
    private final UUID booking = UUID.randomUUID();
    private UUID notification;
    private String subscription;

    @BeforeEach
    void aNotificationAndASubscription() {
        notification = UUID.randomUUID();
        DB.update("INSERT INTO notification (id, user_id, booking_id, kind, title, body) VALUES (?, ?, ?, 'booking.confirmed', "
                + "'Booking confirmed', 'See you soon')", notification, customer, booking);
        subscription = given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":[\"" + CONFIRMED + "\"]}")
                .post("/webhooks/subscriptions").then().statusCode(201).extract().path("id");
    }

    @Test
    void listParametersAndPathIdsNeverFailOnTheServer() {
        Map<String, Arbitrary<String>> list = new LinkedHashMap<>();
        list.put("unread", Arbitraries.of("true", "false"));
        list.put("bookingId", Arbitraries.of(booking.toString(), UUID.randomUUID().toString()));
        list.put("page", Arbitraries.of("0", "10000", "10001"));
        list.put("size", Arbitraries.of("1", "100", "101"));
        for (Map<String, String> query : HostileInput.query(list).sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked(query.toString(), () -> customer().queryParams(query).get("/notifications"));
        }
        for (String id : HostileInput.pathText().sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked("POST /notifications/" + id + "/read", () -> customer().post("/notifications/{id}/read", id));
            checked("GET /notifications/" + id, () -> customer().get("/notifications/{id}", id));
        }
        checked("another's notification", () -> given().auth().oauth2(TestTokens.customer(UUID.randomUUID()))
                .post("/notifications/{id}/read", notification));
    }

    @Test
    void bodiesSentToMarkReadAreIgnoredOrRefused() {
        Map<String, Arbitrary<String>> fields = Map.of("readAt", HostileInput.oneOf("2027-01-01T00:00:00Z"));
        for (String body : HostileInput.body(fields).sampleStream().limit(REQUESTS_PER_ENDPOINT / 2).toList()) {
            checked("POST /notifications/{unknown}/read " + abbreviated(body), () -> customer().contentType(ContentType.JSON).body(body)
                    .post("/notifications/{id}/read", UUID.randomUUID()));
            checked("POST /notifications/{id}/read as " + body.length() + " bytes of text", () -> customer().contentType(ContentType.TEXT)
                    .body(body).post("/notifications/{id}/read", "not-" + body.length()));
        }
    }

    @Test
    void lastEventIdsThatAreNoPositionAreRefusedBeforeTheStreamOpens() {
        Arbitrary<String> notPositions = HostileInput.uriText()
                .filter(value -> !value.isBlank() && value.chars().allMatch(c -> c >= ' ' && c <= '~') && !isPosition(value));
        for (String id : notPositions.sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            Response response = checked("Last-Event-ID: " + id, () -> customer().header("Last-Event-ID", id).get("/notifications/stream"));
            assertEquals(400, response.statusCode(), () -> "Last-Event-ID " + id);
        }
    }

    @Test
    void subscriptionBodiesNeverFailOnTheServerNorWriteWhenRefused() {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("url", HostileInput.oneOf("http://127.0.0.1:9/h", "http://localhost:9/hooks", "https://10.0.0.1/h",
                "http://user:pw@127.0.0.1:9/h", "ftp://127.0.0.1/h", "http://127.0.0.1:9/" + "a".repeat(2030)));
        fields.put("eventTypes", Arbitraries.of("[\"" + CONFIRMED + "\"]", "[\"" + CONFIRMED + "\",\"" + CONFIRMED + "\"]",
                "[\"org.bookingplatform.booking.expired\",\"org.bookingplatform.booking.cancelled\"]", "[]", "[null]",
                "[\"booking.confirmed\"]", "[" + ("\"" + CONFIRMED + "\",").repeat(20) + "\"" + CONFIRMED + "\"]", "[1,true,{}]"));
        for (String body : HostileInput.body(fields).sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked(abbreviated(body), () -> partner().contentType(ContentType.JSON).body(body).post("/webhooks/subscriptions"));
        }
    }

    @Test
    void subscriptionParametersAndPathIdsNeverFailOnTheServer() {
        Map<String, Arbitrary<String>> page = new LinkedHashMap<>();
        page.put("page", Arbitraries.of("0", "10000", "30000000"));
        page.put("size", Arbitraries.of("1", "100", "101"));
        for (Map<String, String> query : HostileInput.query(page).sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked("GET /webhooks/subscriptions " + query, () -> partner().queryParams(query).get("/webhooks/subscriptions"));
            checked("GET deliveries " + query, () -> partner().queryParams(query).get("/webhooks/subscriptions/{id}/deliveries", subscription));
        }
        for (String id : HostileInput.pathText().sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked("GET /webhooks/subscriptions/" + id, () -> partner().get("/webhooks/subscriptions/{id}", id));
            checked("DELETE /webhooks/subscriptions/" + id, () -> partner().delete("/webhooks/subscriptions/{id}", id));
            checked("rotate " + id, () -> partner().post("/webhooks/subscriptions/{id}/rotate-secret", id));
            checked("deliveries of " + id, () -> partner().get("/webhooks/subscriptions/{id}/deliveries", id));
            checked("redeliver " + id, () -> partner().post("/webhooks/subscriptions/{id}/deliveries/{d}/redeliver", subscription, id));
            checked("redeliver of " + id, () -> partner().post("/webhooks/subscriptions/{id}/deliveries/{d}/redeliver", id, UUID.randomUUID()));
        }
        checked("another partner's subscription", () -> given().auth().oauth2(TestTokens.partner(UUID.randomUUID()))
                .delete("/webhooks/subscriptions/{id}", subscription));
    }

    private static boolean isPosition(String value) {
        try {
            return Long.parseLong(value.trim()) >= 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Sends one request; a refused one must leave the caller's rows as they were. */
    private Response checked(String request, Supplier<Response> send) {
        long before = state();
        Response response = send.get();
        assertNoServerErrorAndProblem(response, request);
        if (response.statusCode() >= 400) {
            assertEquals(before, state(), () -> "refused with " + response.statusCode() + " but wrote: " + request);
        }
        return response;
    }

    private long state() {
        return DB.count(STATE, customer, customer, partner, partner);
    }

    private RequestSpecification customer() {
        return given().auth().oauth2(TestTokens.customer(customer));
    }

    private RequestSpecification partner() {
        return given().auth().oauth2(TestTokens.partner(partner));
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
