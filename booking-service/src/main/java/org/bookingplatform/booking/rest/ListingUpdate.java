package org.bookingplatform.booking.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.bookingplatform.booking.Listing;

/** The editable part of a listing (its time zone and slot length are fixed: its inventory and bookings rest on them). */
public record ListingUpdate(@NotBlank @Size(max = 200) String name,
                            @Size(max = 4000) String description,
                            @NotNull Listing.Category category,
                            @NotBlank @Size(max = 100) String city,
                            @NotNull @Valid Money unitPrice) {
}
