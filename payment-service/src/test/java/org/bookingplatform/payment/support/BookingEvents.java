package org.bookingplatform.payment.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.testsupport.KafkaTestClient;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes booking events as booking-service does (CloudEvents binary mode on booking.events,
 * keyed by the booking id). Each event is first checked against the contract, so the tests feed
 * payment-service only what booking-service may really send.
 */
public final class BookingEvents {

    public static final String TOPIC = "booking.events";

    private static final ObjectMapper JSON = new ObjectMapper();

    private BookingEvents() {
    }

    /** booking.requested (version 1) of a booking held for 15 minutes. */
    public static void requested(UUID bookingId, UUID customerId, long amount) {
        requested(bookingId, customerId, amount, Instant.now().plus(15, ChronoUnit.MINUTES));
    }

    public static void requested(UUID bookingId, UUID customerId, long amount, Instant holdExpiresAt) {
        Instant start = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        Map<String, Object> data = base(bookingId, 1);
        data.put("listingId", UUID.randomUUID().toString());
        data.put("customerId", customerId.toString());
        data.put("start", start.toString());
        data.put("end", start.plus(2, ChronoUnit.HOURS).toString());
        data.put("quantity", 1);
        data.put("amount", amount);
        data.put("currency", "EUR");
        data.put("holdExpiresAt", holdExpiresAt.truncatedTo(ChronoUnit.SECONDS).toString());
        publish(UUID.randomUUID(), "booking.requested", bookingId, data);
    }

    public static void confirmed(UUID bookingId, UUID customerId, UUID paymentId, int version) {
        Map<String, Object> data = base(bookingId, version);
        data.put("listingId", UUID.randomUUID().toString());
        data.put("customerId", customerId.toString());
        data.put("paymentId", paymentId.toString());
        publish(UUID.randomUUID(), "booking.confirmed", bookingId, data);
    }

    /** booking.expired; returns its event id. */
    public static UUID expired(UUID bookingId, UUID customerId, int version) {
        Map<String, Object> data = base(bookingId, version);
        data.put("listingId", UUID.randomUUID().toString());
        data.put("customerId", customerId.toString());
        UUID eventId = UUID.randomUUID();
        publish(eventId, "booking.expired", bookingId, data);
        return eventId;
    }

    /** booking.cancelled with a given event id, so that a test can deliver the very same event twice. */
    public static void cancelled(UUID eventId, UUID bookingId, UUID customerId, int version, String previousStatus) {
        Map<String, Object> data = base(bookingId, version);
        data.put("listingId", UUID.randomUUID().toString());
        data.put("customerId", customerId.toString());
        data.put("cancelledBy", "CUSTOMER");
        data.put("previousStatus", previousStatus);
        publish(eventId, "booking.cancelled", bookingId, data);
    }

    public static void paymentRejected(UUID bookingId, UUID customerId, UUID paymentId, int version) {
        Map<String, Object> data = base(bookingId, version);
        data.put("customerId", customerId.toString());
        data.put("paymentId", paymentId.toString());
        data.put("reason", "BOOKING_EXPIRED");
        publish(UUID.randomUUID(), "booking.payment-rejected", bookingId, data);
    }

    private static Map<String, Object> base(UUID bookingId, int version) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bookingId", bookingId.toString());
        data.put("version", version);
        data.put("occurredAt", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString());
        return data;
    }

    private static void publish(UUID eventId, String type, UUID bookingId, Map<String, Object> data) {
        Map<String, String> headers = Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", "org.bookingplatform." + type,
                "ce_source", "/booking-service",
                "ce_subject", bookingId.toString(),
                "ce_time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                "ce_dataschema", "urn:bookingplatform:schema:" + type + ":v1",
                "content-type", "application/json");
        String value;
        try {
            value = JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        EventContracts.assertValid(bookingId.toString(), headers, value);
        KafkaTestClient.publish(TOPIC, bookingId.toString(), value, headers);
    }
}
