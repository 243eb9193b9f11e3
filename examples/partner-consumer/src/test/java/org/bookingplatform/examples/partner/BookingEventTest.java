package org.bookingplatform.examples.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class BookingEventTest {

    private static final String BOOKING = "8f14e45f-ceea-4b67-9a3c-2f1d0c5e7a91";
    private static final Map<String, String> HEADERS = Map.of("ce_id", "e1", "ce_type", "org.bookingplatform.booking.expired",
            "ce_time", "2026-05-04T09:30:05Z", "ce_dataschema", "urn:bookingplatform:schema:booking.expired:v1");

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void readsTheAttributesFromTheHeadersAndTheBookingFromTheData() {
        BookingEvent event = BookingEvent.from(record(HEADERS, "{\"bookingId\":\"" + BOOKING + "\",\"version\":2}"), json);

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
    void aRecordWithoutCeIdCannotBeDeduplicatedAndIsRejected() {
        Map<String, String> headers = Map.of("ce_type", "org.bookingplatform.booking.expired");

        assertThrows(IllegalArgumentException.class, () -> BookingEvent.from(record(headers, "{}"), json));
    }

    @Test
    void aValueThatIsNotAJsonObjectIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> BookingEvent.from(record(HEADERS, "not json"), json));
        assertThrows(IllegalArgumentException.class, () -> BookingEvent.from(record(HEADERS, "[1]"), json));
        assertThrows(IllegalArgumentException.class, () -> BookingEvent.from(record(HEADERS, null), json));
    }

    private static ConsumerRecord<String, String> record(Map<String, String> headers, String value) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("booking.events", 0, 0L, BOOKING, value);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
