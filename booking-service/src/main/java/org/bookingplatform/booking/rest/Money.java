package org.bookingplatform.booking.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;

/**
 * An amount in minor units (cents) of an ISO-4217 currency. The amount is boxed so that a missing
 * or null one is refused instead of read as 0.
 */
public record Money(@NotNull @PositiveOrZero Long amount,
                    @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO-4217 code such as EUR") String currency) {
}
