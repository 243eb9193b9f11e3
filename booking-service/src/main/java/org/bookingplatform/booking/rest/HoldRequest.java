package org.bookingplatform.booking.rest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer's request to hold {@code quantity} units of every slot in [start, end) of a
 * listing; start and end are slot starts of the listing (see SlotGrid).
 */
public record HoldRequest(@NotNull UUID listingId, @NotNull @WithinHorizon Instant start, @NotNull @WithinHorizon Instant end,
                          @NotNull @Min(1) Integer quantity) {
}
