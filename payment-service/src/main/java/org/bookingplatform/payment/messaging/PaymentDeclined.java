package org.bookingplatform.payment.messaging;

import org.bookingplatform.payment.Payment.DeclineReason;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code org.bookingplatform.payment.declined} (contracts: payment.declined v1). */
public record PaymentDeclined(UUID paymentId, int version, Instant occurredAt, UUID bookingId, UUID customerId,
                              DeclineReason reason) {
}
