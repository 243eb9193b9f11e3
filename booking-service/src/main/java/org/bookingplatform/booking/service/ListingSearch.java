package org.bookingplatform.booking.service;

import org.bookingplatform.booking.Listing;
import org.bookingplatform.booking.SlotGrid;

import java.time.Instant;

/**
 * What a visitor searches for: any of city, category, and {@code quantity} units free in every
 * slot of [from, to) (from and to both set, or neither).
 */
public record ListingSearch(String city, Listing.Category category, Instant from, Instant to, int quantity) {

    /**
     * Listings of shorter slots than this have more slots in [from, to) than one booking may take
     * ({@link Holds#MAX_SLOTS}): none of them can be booked for the whole range, so they are not
     * searched, and no search counts more than that many slots of any listing.
     */
    public int shortestBookableSlotMinutes() {
        return (int) Math.min(SlotGrid.MINUTES_PER_DAY + 1, SlotGrid.shortestSlotMinutesFor(from, to, Holds.MAX_SLOTS));
    }
}
