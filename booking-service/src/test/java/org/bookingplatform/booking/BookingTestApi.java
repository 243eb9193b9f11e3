package org.bookingplatform.booking;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestTokens;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Arranges the integration tests' stories through the public API, as an operator and customers would. */
public final class BookingTestApi {

    public static final TestDatabase DB = TestDatabase.of("booking_service");
    public static final UUID OPERATOR = UUID.randomUUID();

    private BookingTestApi() {
    }

    /** Midnight UTC, {@code days} days from today: the start of a night of a listing in UTC. */
    public static Instant night(int days) {
        return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(days, ChronoUnit.DAYS);
    }

    /** A new listing of nights in UTC, in a city of its own, at 100.00 EUR a night. */
    public static UUID newListing() {
        return newListing("City-" + UUID.randomUUID(), "UTC", 1440);
    }

    public static UUID newListing(String city, String timeZone, int slotMinutes) {
        Map<String, Object> listing = new LinkedHashMap<>();
        listing.put("name", "Sea view double room");
        listing.put("description", "Two guests, breakfast included");
        listing.put("category", "STAY");
        listing.put("city", city);
        listing.put("timeZone", timeZone);
        listing.put("slotMinutes", slotMinutes);
        listing.put("unitPrice", Map.of("amount", 10000, "currency", "EUR"));
        String id = given().auth().oauth2(TestTokens.operator(OPERATOR)).contentType(ContentType.JSON).body(listing)
                .when().post("/listings")
                .then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(id);
    }

    /** Sets the capacity of every slot in [from, to). */
    public static void openInventory(UUID listing, Instant from, Instant to, int capacity) {
        given().auth().oauth2(TestTokens.operator(OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("from", from.toString(), "to", to.toString(), "capacity", capacity))
                .when().put("/listings/{id}/inventory", listing)
                .then().statusCode(200);
    }

    public static Response hold(UUID customer, String key, UUID listing, Instant start, Instant end, int quantity) {
        return given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                .header("Idempotency-Key", key)
                .body(holdBody(listing, start, end, quantity))
                .when().post("/bookings");
    }

    public static String holdBody(UUID listing, Instant start, Instant end, int quantity) {
        return """
                {"listingId":"%s","start":"%s","end":"%s","quantity":%d}""".formatted(listing, start, end, quantity);
    }

    /** Holds and returns the booking id; the hold must succeed. */
    public static UUID holdOk(UUID customer, UUID listing, Instant start, Instant end, int quantity) {
        String id = hold(customer, UUID.randomUUID().toString(), listing, start, end, quantity)
                .then().statusCode(201)
                .extract().path("id");
        return UUID.fromString(id);
    }

    public static String status(UUID booking) {
        return given().auth().oauth2(TestTokens.operator(OPERATOR)).when().get("/bookings/{id}", booking)
                .then().statusCode(200).extract().path("status");
    }

    public static long held(UUID listing) {
        return DB.count("SELECT coalesce(sum(held), 0) FROM slot_inventory WHERE listing_id = ?", listing);
    }

    public static long booked(UUID listing) {
        return DB.count("SELECT coalesce(sum(booked), 0) FROM slot_inventory WHERE listing_id = ?", listing);
    }

    public static long bookings(UUID listing) {
        return DB.count("SELECT count(*) FROM booking WHERE listing_id = ?", listing);
    }

    /** Publishes payment.events data the way payment-service does (binary CloudEvent), checked against its contract first. */
    public static void publishPayment(String type, UUID eventId, UUID paymentId, Map<String, Object> data) {
        publishPayment(type, eventId, paymentId, data, Map.of());
    }

    /** {@code extraHeaders}: beside the CloudEvent's, e.g. the {@code traceparent} of the producer's span. */
    public static void publishPayment(String type, UUID eventId, UUID paymentId, Map<String, Object> data,
                                      Map<String, String> extraHeaders) {
        Map<String, String> ceHeaders = Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", "org.bookingplatform.payment." + type,
                "ce_source", "/payment-service",
                "ce_subject", paymentId.toString(),
                "ce_time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                "ce_dataschema", "urn:bookingplatform:schema:payment." + type + ":v1",
                "content-type", "application/json");
        Map<String, String> headers = new LinkedHashMap<>(ceHeaders);
        headers.putAll(extraHeaders);
        String value = toJson(data);
        EventContracts.assertValid(paymentId.toString(), headers, value);
        KafkaTestClient.publish("payment.events", paymentId.toString(), value, headers);
    }

    /** payment.authorized of the booking's own total, as payment-service charges it. */
    public static void publishAuthorized(UUID eventId, UUID booking, UUID customer, UUID paymentId) {
        long total = DB.count("SELECT total_amount FROM booking WHERE id = ?", booking);
        publishAuthorized(eventId, booking, customer, paymentId, total, "EUR");
    }

    public static void publishAuthorized(UUID eventId, UUID booking, UUID customer, UUID paymentId, long amount, String currency) {
        publishPayment("authorized", eventId, paymentId, payment(paymentId, booking, customer, Map.of("amount", amount, "currency", currency)));
    }

    /** payment.authorized of the booking's total, sent in the trace that {@code traceparent} names. */
    public static void publishAuthorizedInTrace(String traceparent, UUID booking, UUID customer, UUID paymentId) {
        long total = DB.count("SELECT total_amount FROM booking WHERE id = ?", booking);
        publishPayment("authorized", UUID.randomUUID(), paymentId,
                payment(paymentId, booking, customer, Map.of("amount", total, "currency", "EUR")), Map.of("traceparent", traceparent));
    }

    public static void publishDeclined(UUID booking, UUID customer, UUID paymentId, String reason) {
        publishPayment("declined", UUID.randomUUID(), paymentId, payment(paymentId, booking, customer, Map.of("reason", reason)));
    }

    private static Map<String, Object> payment(UUID paymentId, UUID booking, UUID customer, Map<String, Object> more) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("paymentId", paymentId.toString());
        data.put("version", 1);
        data.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        data.put("bookingId", booking.toString());
        data.put("customerId", customer.toString());
        data.putAll(more);
        return data;
    }

    private static String toJson(Map<String, Object> data) {
        return data.entrySet().stream()
                .map(entry -> "\"" + entry.getKey() + "\":" + (entry.getValue() instanceof Number ? entry.getValue() : "\"" + entry.getValue() + "\""))
                .collect(java.util.stream.Collectors.joining(",", "{", "}"));
    }
}
