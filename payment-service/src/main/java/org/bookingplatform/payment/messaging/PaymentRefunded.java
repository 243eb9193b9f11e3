package org.bookingplatform.payment.messaging;

import org.bookingplatform.payment.Refund;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code org.bookingplatform.payment.refunded} (contracts: payment.refunded v1). */
public record PaymentRefunded(UUID paymentId, int version, Instant occurredAt, UUID bookingId, UUID customerId,
                              UUID refundId, long amount, String currency, Refund.Reason reason) {
}
