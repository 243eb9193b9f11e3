package org.bookingplatform.platform.messaging;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OutgoingEventTest {

    record Requested(String bookingId) {
    }

    @Test
    void factoryDerivesTheSchemaFromTheTypeAndFillsIdAndTime() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        OutgoingEvent event = OutgoingEvent.of("booking.events", "org.bookingplatform.booking.requested",
                "/booking-service", "b-1", new Requested("b-1"));

        assertEquals("urn:bookingplatform:schema:booking.requested:v1", event.dataSchema());
        assertTrue(!event.time().isBefore(before) && !event.time().isAfter(Instant.now()), event.time().toString());
        assertNotEquals(event.id(), OutgoingEvent.of("booking.events", "org.bookingplatform.booking.requested",
                "/booking-service", "b-1", new Requested("b-1")).id());
    }

    @Test
    void typeOutsideThePlatformNamespaceIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> OutgoingEvent.of("booking.events", "booking.requested",
                "/booking-service", "b-1", new Requested("b-1")));
    }
}
