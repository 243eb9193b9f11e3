package org.bookingplatform.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.bookingplatform.booking.BookingTestApi.holdBody;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.bookingplatform.booking.BookingTestApi.publishAuthorizedInTrace;
import static org.bookingplatform.booking.BookingTestApi.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * One trace per request, across the outbox and Kafka, with the tests' settings (nothing sampled
 * for export, the trace context flowing all the same): the hold's trace reaches booking.requested
 * (SQL client outbox writer), and the trace of a payment.authorized reaches the booking.confirmed
 * its consumer writes (Inbox.once, Hibernate Reactive outbox writer).
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class BookingTraceIT {

    private static final String TOPIC = "booking.events";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final UUID customer = UUID.randomUUID();

    @Test
    void theHoldsTraceReachesBookingRequestedAndThePaymentsTraceReachesBookingConfirmed() {
        UUID listing = newListing();
        openInventory(listing, night(50), night(52), 2);
        String holdTrace = randomHex(32);
        String holdCaller = randomHex(16);

        String id = given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .header("traceparent", "00-" + holdTrace + "-" + holdCaller + "-01")
                .body(holdBody(listing, night(50), night(51), 1))
                .when().post("/bookings")
                .then().statusCode(201).extract().path("id");
        UUID booking = UUID.fromString(id);

        ConsumerRecord<String, String> requested = single(booking, "requested");
        String[] requestedParent = traceparent(requested);
        assertEquals(holdTrace, requestedParent[1], "booking.requested is in the hold request's trace");
        assertNotEquals(holdCaller, requestedParent[2], "its parent is booking-service's producer span, not the caller's");
        EventContracts.assertValid(requested);

        String paymentTrace = randomHex(32);
        publishAuthorizedInTrace("00-" + paymentTrace + "-" + randomHex(16) + "-01", booking, customer, UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> "CONFIRMED".equals(status(booking)));

        ConsumerRecord<String, String> confirmed = single(booking, "confirmed");
        assertEquals(paymentTrace, traceparent(confirmed)[1], "booking.confirmed continues the payment.authorized it applies");
        EventContracts.assertValid(confirmed);
    }

    private static String[] traceparent(ConsumerRecord<String, String> record) {
        String value = KafkaTestClient.header(record, "traceparent");
        assertNotNull(value, "the record carries a traceparent header");
        String[] parts = value.split("-");
        assertEquals(4, parts.length, value);
        return parts;
    }

    private static ConsumerRecord<String, String> single(UUID booking, String type) {
        List<ConsumerRecord<String, String>> found = KafkaTestClient.await(TOPIC, KafkaTestClient.withKey(booking)
                .and(record -> ("org.bookingplatform.booking." + type).equals(KafkaTestClient.header(record, "ce_type"))), 1, PATIENCE);
        assertEquals(1, found.size(), "booking." + type + " of " + booking + " published");
        return found.get(0);
    }

    private static String randomHex(int length) {
        return UUID.randomUUID().toString().replace("-", "").repeat(2).substring(0, length);
    }
}
