package org.bookingplatform.notification.webhook.rest;

import org.bookingplatform.notification.webhook.Delivery;

import java.time.Instant;
import java.util.UUID;

/** A delivery with its attempts; {@code nextAttemptAt} only while it is pending. */
public record DeliveryView(UUID id, UUID eventId, String eventType, String status, int attempts, Instant nextAttemptAt,
                           Instant lastAttemptAt, Integer lastStatusCode, String lastError, Instant createdAt) {

    public static DeliveryView of(Delivery d) {
        return new DeliveryView(d.id(), d.eventId(), d.eventType(), d.status().name(), d.attempts(),
                d.status() == Delivery.Status.PENDING ? d.nextAttemptAt() : null, d.lastAttemptAt(), d.lastStatusCode(),
                d.lastError(), d.createdAt());
    }
}
