package org.bookingplatform.booking.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Listing;
import org.bookingplatform.booking.SlotInventory;
import org.bookingplatform.booking.repository.ListingRepository;
import org.bookingplatform.booking.repository.SlotInventoryRepository;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.problem.ProblemException;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Public reads of the catalog: search, one listing, remaining capacity per slot. */
@ApplicationScoped
public class ListingCatalog {

    /** Bounds one range of slots read or written at once (a year of nightly slots, or three weeks of 30-minute slots). */
    public static final Duration MAX_RANGE = Duration.ofDays(366);

    private final ListingRepository listings;
    private final SlotInventoryRepository inventory;

    public ListingCatalog(ListingRepository listings, SlotInventoryRepository inventory) {
        this.listings = listings;
        this.inventory = inventory;
    }

    @WithSession
    public Uni<List<Listing>> search(ListingSearch search, PageRequest page) {
        if (search.from() != null) {
            checkRange(search.from(), search.to());
        }
        return listings.search(search, page);
    }

    @WithSession
    public Uni<Listing> get(UUID id) {
        return listings.findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No listing " + id + "."));
    }

    /**
     * Up to {@code size} slots from {@code from} on, and whether more follow before {@code to}:
     * one more row than asked is read to tell. The next page starts at the first slot left out.
     */
    @WithSession
    public Uni<SlotPage> availability(UUID listingId, Instant from, Instant to, int size) {
        checkRange(from, to);
        return get(listingId).chain(listing -> inventory.firstBetween(listing.id, from, to, size + 1))
                .map(slots -> slots.size() > size
                        ? new SlotPage(slots.subList(0, size), slots.get(size).key.slotStart())
                        : new SlotPage(slots, null));
    }

    /** A range of slots must be non-empty and bounded: 422 naming {@code to} otherwise. */
    public static void checkRange(Instant from, Instant to) {
        if (!to.isAfter(from)) {
            throw ProblemException.unprocessable("to", "must be after 'from'");
        }
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw ProblemException.unprocessable("to", "the range may span at most 366 days");
        }
    }
}
