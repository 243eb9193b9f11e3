package org.bookingplatform.payment.messaging;

import java.util.UUID;

/** What payment-service reads of {@code org.bookingplatform.booking.payment-rejected}: the payment to refund. */
public record BookingPaymentRejected(UUID bookingId, int version, UUID paymentId, String reason) {
}
