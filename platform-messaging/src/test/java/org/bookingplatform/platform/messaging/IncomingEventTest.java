package org.bookingplatform.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IncomingEventTest {

    record Confirmed(UUID bookingId, Instant confirmedAt) {
    }

    @Test
    void readsTheAttributesFromCeHeadersAndTheDataFromTheValue() {
        UUID id = UUID.randomUUID();
        UUID bookingId = UUID.randomUUID();
        ConsumerRecord<String, String> record = record(
                "{\"bookingId\":\"" + bookingId + "\",\"confirmedAt\":\"2030-01-02T03:04:05.678Z\",\"addedLater\":true}",
                Map.of("ce_specversion", "1.0", "ce_id", id.toString(), "ce_type", "org.bookingplatform.booking.confirmed",
                        "ce_source", "/booking-service", "ce_subject", bookingId.toString(),
                        "ce_dataschema", "urn:bookingplatform:schema:booking.confirmed:v1",
                        "ce_time", "2030-01-02T03:04:05.678Z"));

        IncomingEvent event = IncomingEvent.from(record);

        assertEquals(id, event.id());
        assertEquals("org.bookingplatform.booking.confirmed", event.type());
        assertEquals("/booking-service", event.source());
        assertEquals(bookingId.toString(), event.subject());
        assertEquals("urn:bookingplatform:schema:booking.confirmed:v1", event.dataSchema());
        assertEquals(Instant.parse("2030-01-02T03:04:05.678Z"), event.time());
        assertEquals(new Confirmed(bookingId, Instant.parse("2030-01-02T03:04:05.678Z")), event.dataAs(Confirmed.class));
    }

    @Test
    void recordWithoutCloudEventHeadersIsRejected() {
        ConsumerRecord<String, String> record = record("{}", Map.of("ce_specversion", "1.0", "ce_type", "x", "ce_source", "/x"));

        IllegalArgumentException failure = assertThrows(IllegalArgumentException.class, () -> IncomingEvent.from(record));

        assertEquals("not a CloudEvent: no ce_id header at booking.events-0@7", failure.getMessage());
    }

    private static ConsumerRecord<String, String> record(String value, Map<String, String> headers) {
        ConsumerRecord<String, String> record = new ConsumerRecord<>("booking.events", 0, 7, "key", value);
        headers.forEach((name, header) -> record.headers().add(name, header.getBytes(StandardCharsets.UTF_8)));
        return record;
    }
}
