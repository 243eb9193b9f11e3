package org.bookingplatform.booking.rest;

import org.bookingplatform.booking.service.SlotPage;

import java.time.Instant;
import java.util.List;

/**
 * One page of availability. Paged by position, not by number: {@code next} is the {@code from}
 * of the following page (null on the last), so every page is one short range scan however deep.
 */
public record AvailabilityPage(List<SlotAvailability> items, int size, boolean hasMore, Instant next) {

    public static AvailabilityPage of(SlotPage page, int size) {
        return new AvailabilityPage(page.slots().stream().map(SlotAvailability::of).toList(), size, page.next() != null, page.next());
    }
}
