package org.bookingplatform.booking;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.bookingplatform.booking.BookingTestApi.DB;
import static org.bookingplatform.booking.BookingTestApi.booked;
import static org.bookingplatform.booking.BookingTestApi.held;
import static org.bookingplatform.booking.BookingTestApi.holdOk;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.bookingplatform.booking.BookingTestApi.publishAuthorized;
import static org.bookingplatform.booking.BookingTestApi.status;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The saga over the real Kafka: booking.events out, payment.events in. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class BookingSagaIT {

    private static final String TOPIC = "booking.events";
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final UUID customer = UUID.randomUUID();

    @Test
    void holdIsAnnouncedAsASchemaValidBookingRequested() {
        UUID listing = listingWithNights(3);
        UUID booking = holdOk(customer, listing, night(50), night(52), 2);

        ConsumerRecord<String, String> requested = single(booking, "requested");

        EventContracts.assertValid(requested);
        JsonNode data = data(requested);
        assertEquals(1, data.get("version").asInt());
        assertEquals(40000, data.get("amount").asLong(), "100.00 EUR x 2 nights x 2 units");
        assertEquals(customer.toString(), data.get("customerId").asText());
    }

    @Test
    void authorizedPaymentDeliveredTwiceConfirmsOnceAndAnnouncesOneConfirmation() {
        UUID listing = listingWithNights(3);
        UUID booking = holdOk(customer, listing, night(50), night(52), 2);
        UUID payment = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();

        publishAuthorized(eventId, booking, customer, payment);
        publishAuthorized(eventId, booking, customer, payment);

        await().atMost(PATIENCE).until(() -> "CONFIRMED".equals(status(booking)));
        assertEquals(0, held(listing));
        assertEquals(4, booked(listing));
        List<ConsumerRecord<String, String>> confirmed = KafkaTestClient.collect(TOPIC, event(booking, "confirmed"), Duration.ofSeconds(8));
        assertEquals(1, confirmed.size(), "one booking.confirmed for two deliveries of one payment.authorized");
        EventContracts.assertValid(confirmed.get(0));
        assertEquals(payment.toString(), data(confirmed.get(0)).get("paymentId").asText());
        assertEquals(2, data(confirmed.get(0)).get("version").asInt());
        assertEquals(1, DB.count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId));
    }

    @Test
    void unpaidHoldExpiresAndItsInventoryReturnsToSale() {
        UUID listing = listingWithNights(3);
        UUID booking = holdOk(customer, listing, night(50), night(52), 2);
        assertEquals(4, held(listing));

        expireNow(booking);

        await().atMost(PATIENCE).until(() -> "EXPIRED".equals(status(booking)));
        assertEquals(0, held(listing));
        given().queryParam("from", night(50).toString()).queryParam("to", night(52).toString())
                .when().get("/listings/{id}/availability", listing)
                .then().statusCode(200).body("items.remaining", equalTo(List.of(3, 3)));
        ConsumerRecord<String, String> expired = single(booking, "expired");
        EventContracts.assertValid(expired);
        assertEquals(2, data(expired).get("version").asInt());
    }

    @Test
    void paymentAfterExpiryIsRejectedSoThatPaymentServiceRefundsIt() {
        UUID listing = listingWithNights(3);
        UUID booking = holdOk(customer, listing, night(50), night(51), 1);
        expireNow(booking);
        await().atMost(PATIENCE).until(() -> "EXPIRED".equals(status(booking)));
        UUID payment = UUID.randomUUID();

        publishAuthorized(UUID.randomUUID(), booking, customer, payment);

        ConsumerRecord<String, String> rejected = single(booking, "payment-rejected");
        EventContracts.assertValid(rejected);
        assertEquals("BOOKING_EXPIRED", data(rejected).get("reason").asText());
        assertEquals(payment.toString(), data(rejected).get("paymentId").asText());
        assertEquals(3, data(rejected).get("version").asInt());
        assertEquals("EXPIRED", status(booking));
        assertEquals(0, held(listing) + booked(listing), "the late payment takes no inventory");
    }

    @Test
    void paymentOfAnotherAmountThanTheBookingsTotalIsRejectedSoThatPaymentServiceRefundsItAndTheHoldStays() {
        UUID listing = listingWithNights(3);
        UUID booking = holdOk(customer, listing, night(50), night(52), 1);
        long total = DB.count("SELECT total_amount FROM booking WHERE id = ?", booking);
        UUID payment = UUID.randomUUID();

        publishAuthorized(UUID.randomUUID(), booking, customer, payment, total - 1, "EUR");

        ConsumerRecord<String, String> rejected = single(booking, "payment-rejected");
        EventContracts.assertValid(rejected);
        assertEquals("PAYMENT_MISMATCH", data(rejected).get("reason").asText());
        assertEquals(payment.toString(), data(rejected).get("paymentId").asText());
        assertEquals("PENDING_PAYMENT", status(booking));
        assertEquals(2, held(listing), "the hold keeps its two nights, none booked");
        assertEquals(0, booked(listing));

        // The same total in another currency is no more the booking's price.
        publishAuthorized(UUID.randomUUID(), booking, customer, UUID.randomUUID(), total, "USD");
        await().atMost(PATIENCE).until(() -> KafkaTestClient.collect(TOPIC, event(booking, "payment-rejected"), Duration.ofSeconds(2)).size() == 2);
        assertEquals("PENDING_PAYMENT", status(booking));
    }

    @Test
    void declinedPaymentIsRecordedAndTheHoldWaitsForAnotherAttempt() {
        UUID listing = listingWithNights(3);
        UUID booking = holdOk(customer, listing, night(50), night(51), 1);

        BookingTestApi.publishDeclined(booking, customer, UUID.randomUUID(), "INSUFFICIENT_FUNDS");

        await().atMost(PATIENCE).until(() -> DB.count("SELECT declined_payments FROM booking WHERE id = ?", booking) == 1);
        given().auth().oauth2(TestTokens.customer(customer)).when().get("/bookings/{id}", booking)
                .then().statusCode(200)
                .body("status", equalTo("PENDING_PAYMENT"))
                .body("lastDeclineReason", equalTo("INSUFFICIENT_FUNDS"))
                .body("version", equalTo(1));
        assertEquals(1, held(listing));
    }

    @Test
    void customerReleasesAPendingHoldAndAPaymentArrivingLaterIsRejected() {
        UUID listing = listingWithNights(3);
        UUID booking = holdOk(customer, listing, night(50), night(52), 1);

        given().auth().oauth2(TestTokens.customer(customer)).when().post("/bookings/{id}/cancel", booking)
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("cancelledBy", equalTo("CUSTOMER"));

        assertEquals(0, held(listing));
        ConsumerRecord<String, String> cancelled = single(booking, "cancelled");
        EventContracts.assertValid(cancelled);
        assertEquals("PENDING_PAYMENT", data(cancelled).get("previousStatus").asText());

        publishAuthorized(UUID.randomUUID(), booking, customer, UUID.randomUUID());

        ConsumerRecord<String, String> rejected = single(booking, "payment-rejected");
        EventContracts.assertValid(rejected);
        assertEquals("BOOKING_CANCELLED", data(rejected).get("reason").asText());
    }

    @Test
    void cancellingAConfirmedBookingReturnsItsBookedUnits() {
        UUID listing = listingWithNights(3);
        UUID booking = holdOk(customer, listing, night(50), night(52), 2);
        publishAuthorized(UUID.randomUUID(), booking, customer, UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> "CONFIRMED".equals(status(booking)));

        given().auth().oauth2(TestTokens.customer(customer)).when().post("/bookings/{id}/cancel", booking)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));
        given().auth().oauth2(TestTokens.customer(customer)).when().post("/bookings/{id}/cancel", booking)
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        assertEquals(0, booked(listing) + held(listing));
        ConsumerRecord<String, String> cancelled = single(booking, "cancelled");
        EventContracts.assertValid(cancelled);
        assertEquals("CONFIRMED", data(cancelled).get("previousStatus").asText());
        assertEquals(3, data(cancelled).get("version").asInt());
    }

    @Test
    void anExpiredBookingCannotBeCancelled() {
        UUID listing = listingWithNights(3);
        UUID booking = holdOk(customer, listing, night(50), night(51), 1);
        expireNow(booking);
        await().atMost(PATIENCE).until(() -> "EXPIRED".equals(status(booking)));

        given().auth().oauth2(TestTokens.customer(customer)).when().post("/bookings/{id}/cancel", booking)
                .then().statusCode(409).contentType("application/problem+json");
    }

    private static UUID listingWithNights(int capacity) {
        UUID listing = newListing();
        openInventory(listing, night(50), night(53), capacity);
        return listing;
    }

    /** Makes the hold overdue; the sweep (every second in tests) expires it. */
    private static void expireNow(UUID booking) {
        assertEquals(1, DB.update("UPDATE booking SET hold_expires_at = now() - interval '1 second' WHERE id = ?", booking));
    }

    /** The one event of this type about this booking: awaited, then checked to stay alone for a while. */
    private static ConsumerRecord<String, String> single(UUID booking, String type) {
        List<ConsumerRecord<String, String>> found = KafkaTestClient.await(TOPIC, event(booking, type), 1, PATIENCE);
        assertEquals(1, found.size(), "booking." + type + " of " + booking + " published");
        return found.get(0);
    }

    private static Predicate<ConsumerRecord<String, String>> event(UUID booking, String type) {
        return KafkaTestClient.withKey(booking)
                .and(record -> ("org.bookingplatform.booking." + type).equals(KafkaTestClient.header(record, "ce_type")));
    }

    private static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + record.value(), e);
        }
    }
}
