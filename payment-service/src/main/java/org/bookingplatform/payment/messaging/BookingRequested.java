package org.bookingplatform.payment.messaging;

import java.time.Instant;
import java.util.UUID;

/** What payment-service reads of {@code org.bookingplatform.booking.requested} (contracts: booking.requested v1). */
public record BookingRequested(UUID bookingId, int version, UUID customerId, long amount, String currency,
                               Instant holdExpiresAt) {
}
