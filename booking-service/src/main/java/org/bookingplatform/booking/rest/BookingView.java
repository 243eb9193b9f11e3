package org.bookingplatform.booking.rest;

import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.BookingLifecycle;

import java.time.Instant;
import java.util.UUID;

public record BookingView(UUID id, UUID listingId, UUID customerId, Instant start, Instant end, int quantity,
                          Money total, Booking.Status status, Instant holdExpiresAt, UUID paymentId,
                          int declinedPayments, String lastDeclineReason, BookingLifecycle.Actor cancelledBy,
                          int version, Instant createdAt) {

    public static BookingView of(Booking booking) {
        return new BookingView(booking.id, booking.listingId, booking.customerId, booking.slotStart, booking.slotEnd,
                booking.quantity, new Money(booking.totalAmount, booking.currency), booking.status,
                booking.holdExpiresAt, booking.paymentId, booking.declinedPayments, booking.lastDeclineReason,
                booking.cancelledBy, booking.version, booking.createdAt);
    }
}
