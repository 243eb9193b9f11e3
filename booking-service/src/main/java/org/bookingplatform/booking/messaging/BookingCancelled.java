package org.bookingplatform.booking.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.BookingLifecycle;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of org.bookingplatform.booking.cancelled (contracts: booking.cancelled.schema.json);
 * {@code customerErased} is true on the cancellations of an erasure and left out otherwise.
 */
public record BookingCancelled(UUID bookingId, int version, Instant occurredAt, UUID listingId, UUID customerId,
                               BookingLifecycle.Actor cancelledBy, Booking.Status previousStatus,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Boolean customerErased) {
}
