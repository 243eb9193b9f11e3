package org.bookingplatform.booking.messaging;

import org.bookingplatform.booking.BookingLifecycle;

import java.time.Instant;
import java.util.UUID;

/** Data of org.bookingplatform.booking.payment-rejected (contracts: booking.payment-rejected.schema.json). */
public record BookingPaymentRejected(UUID bookingId, int version, Instant occurredAt, UUID customerId, UUID paymentId,
                                     BookingLifecycle.RejectionReason reason) {
}
