package org.bookingplatform.platform.messaging;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox event the relay parked after the broker refused it too often, as an operator sees
 * it: {@code waitingBehind} counts the later events of the same aggregate that wait with it.
 */
public record ParkedOutboxEvent(UUID id, String topic, String type, String subject, int attempts, String lastError,
                          Instant parkedAt, long waitingBehind) {
}
