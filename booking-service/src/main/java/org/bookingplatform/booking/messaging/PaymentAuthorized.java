package org.bookingplatform.booking.messaging;

import java.time.Instant;
import java.util.UUID;

/** Data of org.bookingplatform.payment.authorized, as far as the saga reads it. */
public record PaymentAuthorized(UUID paymentId, int version, Instant occurredAt, UUID bookingId, UUID customerId,
                                long amount, String currency) {
}
