package org.bookingplatform.booking.messaging;

import java.time.Instant;
import java.util.UUID;

/** Data of org.bookingplatform.payment.declined; {@code reason} stays text so that a new reason never fails the consumer. */
public record PaymentDeclined(UUID paymentId, int version, Instant occurredAt, UUID bookingId, UUID customerId,
                              String reason) {
}
