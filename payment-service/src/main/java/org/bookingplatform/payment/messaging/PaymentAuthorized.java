package org.bookingplatform.payment.messaging;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code org.bookingplatform.payment.authorized} (contracts: payment.authorized v1). */
public record PaymentAuthorized(UUID paymentId, int version, Instant occurredAt, UUID bookingId, UUID customerId,
                                long amount, String currency) {
}
