package org.bookingplatform.booking.messaging;

import java.time.Instant;
import java.util.UUID;

/** Data of org.bookingplatform.booking.confirmed (contracts: booking.confirmed.schema.json). */
public record BookingConfirmed(UUID bookingId, int version, Instant occurredAt, UUID listingId, UUID customerId,
                               UUID paymentId) {
}
