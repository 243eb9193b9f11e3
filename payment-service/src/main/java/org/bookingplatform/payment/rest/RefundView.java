package org.bookingplatform.payment.rest;

import org.bookingplatform.payment.Refund;

import java.time.Instant;
import java.util.UUID;

public record RefundView(UUID id, UUID paymentId, Refund.Reason reason, Refund.Status status, Instant createdAt) {

    public static RefundView of(Refund refund) {
        return new RefundView(refund.id, refund.paymentId, refund.reason, refund.status, refund.createdAt);
    }
}
