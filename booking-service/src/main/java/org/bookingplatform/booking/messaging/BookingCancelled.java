package org.bookingplatform.booking.messaging;

import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.BookingLifecycle;

import java.time.Instant;
import java.util.UUID;

/** Data of org.bookingplatform.booking.cancelled (contracts: booking.cancelled.schema.json). */
public record BookingCancelled(UUID bookingId, int version, Instant occurredAt, UUID listingId, UUID customerId,
                               BookingLifecycle.Actor cancelledBy, Booking.Status previousStatus) {
}
