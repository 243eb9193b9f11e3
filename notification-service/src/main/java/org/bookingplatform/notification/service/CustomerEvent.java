package org.bookingplatform.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.bookingplatform.platform.messaging.IncomingEvent;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** Reads the notice out of a booking or payment event: every one of them names its customer in {@code customerId}. */
final class CustomerEvent {

    private CustomerEvent() {
    }

    static Optional<Notice> notice(IncomingEvent event) {
        return NoticeKind.ofEventType(event.type()).map(kind -> {
            JsonNode data = event.data();
            UUID customer = UUID.fromString(data.path("customerId").asText());
            return new Notice(event.id(), kind, customer, occurredAt(event), NoticeFacts.of(data));
        });
    }

    private static Instant occurredAt(IncomingEvent event) {
        JsonNode occurredAt = event.data().get("occurredAt");
        if (occurredAt != null && occurredAt.isTextual()) {
            return OffsetDateTime.parse(occurredAt.asText()).toInstant();
        }
        return event.time() != null ? event.time() : Instant.now();
    }
}
