package org.bookingplatform.booking.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** The capacity of one slot. */
public record SlotCapacity(@NotNull @PositiveOrZero @Max(100_000) Integer capacity) {
}
