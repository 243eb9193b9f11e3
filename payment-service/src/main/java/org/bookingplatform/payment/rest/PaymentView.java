package org.bookingplatform.payment.rest;

import org.bookingplatform.payment.Payment;

import java.time.Instant;
import java.util.UUID;

public record PaymentView(UUID id, UUID bookingId, long amount, String currency, Payment.Status status,
                          Payment.DeclineReason declineReason, Instant createdAt) {

    public static PaymentView of(Payment payment) {
        return new PaymentView(payment.id, payment.bookingId, payment.amount, payment.currency, payment.status,
                payment.declineReason, payment.createdAt);
    }
}
