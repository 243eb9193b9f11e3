package org.bookingplatform.booking.messaging;

import java.time.Instant;
import java.util.UUID;

/** Data of org.bookingplatform.booking.requested (contracts: booking.requested.schema.json). */
public record BookingRequested(UUID bookingId, int version, Instant occurredAt, UUID listingId, UUID customerId,
                               Instant start, Instant end, int quantity, long amount, String currency,
                               Instant holdExpiresAt) {
}
