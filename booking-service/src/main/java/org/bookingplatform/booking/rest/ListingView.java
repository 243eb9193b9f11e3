package org.bookingplatform.booking.rest;

import org.bookingplatform.booking.Listing;

import java.util.UUID;

public record ListingView(UUID id, String name, String description, Listing.Category category, String city,
                          String timeZone, int slotMinutes, Money unitPrice, Listing.Status status) {

    public static ListingView of(Listing listing) {
        return new ListingView(listing.id, listing.name, listing.description, listing.category, listing.city,
                listing.timeZone, listing.slotMinutes, new Money(listing.unitPriceAmount, listing.currency), listing.status);
    }
}
