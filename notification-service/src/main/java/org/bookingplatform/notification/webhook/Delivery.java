package org.bookingplatform.notification.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One event to be POSTed to one subscription, with its attempts so far. {@code payload} is the
 * CloudEvent exactly as sent (every attempt sends and signs the same bytes); {@code bookingId}
 * orders a subscription's deliveries: a booking's later event waits for its earlier ones.
 */
public record Delivery(UUID id, UUID subscriptionId, UUID eventId, String eventType, String bookingId, String payload,
                       Status status, int attempts, Instant nextAttemptAt, Instant lastAttemptAt,
                       Integer lastStatusCode, String lastError, Instant createdAt) {

    public enum Status {
        PENDING,
        SUCCEEDED,
        /** Given up: the retry schedule ran out, or the receiver answered 410. */
        FAILED
    }
}
