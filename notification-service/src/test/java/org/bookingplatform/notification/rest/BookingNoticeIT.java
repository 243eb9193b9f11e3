package org.bookingplatform.notification.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class BookingNoticeIT {

    private static final TestDatabase DB = TestDatabase.of("notification_service");

    @Test
    void bookingConfirmedDeliveredTwiceNotifiesTheCustomerOnce() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        publishConfirmed(eventId, booking, customer);
        publishConfirmed(eventId, booking, customer);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(TestTokens.customer(customer)).queryParam("bookingId", booking)
                        .when().get("/notifications")
                        .then().statusCode(200).body("items.kind", contains("booking.confirmed")));
        // Both deliveries were consumed once the inbox holds the event and one notification exists.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                DB.count("SELECT count(*) FROM processed_event WHERE consumer = 'notification-service.booking-events' AND event_id = ?",
                        eventId) == 1);
        assertEquals(1, DB.count("SELECT count(*) FROM notification WHERE booking_id = ?", booking));
    }

    private static void publishConfirmed(UUID eventId, UUID booking, UUID customer) {
        String data = """
                {"bookingId":"%s","version":2,"occurredAt":"%s","listingId":"%s","customerId":"%s","paymentId":"%s"}"""
                .formatted(booking, Instant.now(), UUID.randomUUID(), customer, UUID.randomUUID());
        KafkaTestClient.publish("booking.events", booking.toString(), data, Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", "org.bookingplatform.booking.confirmed",
                "ce_source", "/booking-service",
                "ce_subject", booking.toString(),
                "ce_time", Instant.now().toString(),
                "ce_dataschema", "urn:bookingplatform:schema:booking.confirmed:v1",
                "content-type", "application/json"));
    }
}
