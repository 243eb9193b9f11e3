package org.bookingplatform.booking.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bookingplatform.booking.Listing;

/**
 * A new listing. {@code timeZone} (an IANA zone such as Europe/Lisbon) and {@code slotMinutes}
 * (a length that divides a day: 1440 for nights, 30 or 60 for appointments) define where its
 * slots start and cannot change afterwards.
 */
public record ListingRequest(@NotBlank @Size(max = 200) String name,
                             @Size(max = 4000) String description,
                             @NotNull Listing.Category category,
                             @NotBlank @Size(max = 100) String city,
                             @NotBlank String timeZone,
                             @NotNull @Min(5) @Max(1440) Integer slotMinutes,
                             @NotNull @Valid Money unitPrice) {
}
