package org.bookingplatform.payment.messaging;

import java.util.UUID;

/** What payment-service reads of booking.expired, booking.cancelled and booking.payment-rejected. */
public record BookingStatusChanged(UUID bookingId, int version) {
}
