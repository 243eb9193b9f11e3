package org.bookingplatform.booking.messaging;

import java.time.Instant;
import java.util.UUID;

/** Data of org.bookingplatform.booking.expired (contracts: booking.expired.schema.json). */
public record BookingExpired(UUID bookingId, int version, Instant occurredAt, UUID listingId, UUID customerId) {
}
