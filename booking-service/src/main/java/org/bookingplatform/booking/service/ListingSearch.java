package org.bookingplatform.booking.service;

import org.bookingplatform.booking.Listing;

import java.time.Instant;

/**
 * What a visitor searches for: any of city, category, and {@code quantity} units free in every
 * slot of [from, to) (from and to both set, or neither).
 */
public record ListingSearch(String city, Listing.Category category, Instant from, Instant to, int quantity) {
}
