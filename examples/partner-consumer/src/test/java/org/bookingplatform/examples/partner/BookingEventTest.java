package org.bookingplatform.examples.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class BookingEventTest {

    private static final String BOOKING = "8f14e45f-ceea-4b67-9a3c-2f1d0c5e7a91";
    /** The headers as booking-service writes them (CloudEvents binary mode). */
    private static final Map<String, String> HEADERS = Map.of("ce_specversion", "1.0", "ce_id", "e1",
            "ce_type", "org.bookingplatform.booking.expired", "ce_source", "/booking-service",
            "ce_time", "2026-05-04T09:30:05Z", "ce_subject", BOOKING,
            "ce_dataschema", "urn:bookingplatform:schema:booking.expired:v1", "content-type", "application/json");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsTheAttributesFromTheHeadersAndTheBookingFromTheData() {
        BookingEvent event = BookingEvent.from(cloudEvent(HEADERS, "{\"bookingId\":\"" + BOOKING + "\",\"version\":2}"), json);

        assertEquals("e1", event.id());
        assertEquals("booking.expired", event.shortType());
        assertEquals("2026-05-04T09:30:05Z", event.time());
        assertEquals(BOOKING, event.bookingId());
        assertEquals(2, event.data().path("version").asInt());
        assertTrue(event.hasSchemaVersion(1));
        assertFalse(event.hasSchemaVersion(2));
    }

    @Test
    void aMajorVersionIsMatchedWhole() {
        BookingEvent event = new BookingEvent("e1", "org.bookingplatform.booking.expired", "2026-05-04T09:30:05Z",
                "urn:bookingplatform:schema:booking.expired:v11", BOOKING, json.createObjectNode());

        assertFalse(event.hasSchemaVersion(1));
        assertTrue(event.hasSchemaVersion(11));
    }

    @Test
    void aRecordWithoutCeIdIsNotACloudEventForTheSdk() {
        Map<String, String> headers = new java.util.HashMap<>(HEADERS);
        headers.remove("ce_id");

        assertThrows(RuntimeException.class, () -> cloudEvent(headers, "{}"));
    }

    @Test
    void aRecordWithoutCloudEventHeadersIsNotACloudEventForTheSdk() {
        assertThrows(RuntimeException.class, () -> cloudEvent(Map.of("content-type", "application/json"), "{}"));
    }

    @Test
    void aValueThatIsNotAJsonObjectIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BookingEvent.from(cloudEvent(HEADERS, "not json"), json));
        assertThrows(IllegalArgumentException.class, () -> BookingEvent.from(cloudEvent(HEADERS, "[1]"), json));
        assertThrows(IllegalArgumentException.class, () -> BookingEvent.from(cloudEvent(HEADERS, null), json));
    }

    /** What the consumer's value deserializer makes of a record with these headers and this value. */
    private static CloudEvent cloudEvent(Map<String, String> headers, String value) {
        RecordHeaders recordHeaders = new RecordHeaders();
        headers.forEach((name, headerValue) -> recordHeaders.add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            return deserializer.deserialize("booking.events", recordHeaders, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
