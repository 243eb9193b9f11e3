package org.bookingplatform.booking.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.time.Instant;

/** Capacity for every slot in [from, to); both ends are slot starts of the listing. */
public record InventoryRange(@NotNull @WithinHorizon Instant from, @NotNull @WithinHorizon Instant to,
                             @NotNull @PositiveOrZero @Max(100_000) Integer capacity) {
}
