package org.bookingplatform.booking.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Listing;
import org.bookingplatform.booking.SlotGrid;
import org.bookingplatform.booking.SlotInventory;
import org.bookingplatform.booking.repository.SlotInventoryRepository;
import org.bookingplatform.platform.problem.ProblemException;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Operators open inventory and change capacities, never below what is already held or booked. */
@ApplicationScoped
public class Inventory {

    private final ListingAdministration listings;
    private final SlotInventoryRepository inventory;

    public Inventory(ListingAdministration listings, SlotInventoryRepository inventory) {
        this.listings = listings;
        this.inventory = inventory;
    }

    /** Sets {@code capacity} on every slot of [from, to), creating the missing ones; all or nothing. */
    @WithTransaction
    public Uni<List<SlotInventory>> open(UUID listingId, Instant from, Instant to, int capacity) {
        ListingCatalog.checkRange(from, to);
        return listings.active(listingId).chain(listing -> {
            SlotGrid grid = SlotGrid.of(listing);
            requireSlotStart(grid, listing, "from", from);
            requireSlotStart(grid, listing, "to", to);
            return setCapacity(listing, grid.startsIn(from, to), capacity)
                    .chain(() -> inventory.between(listingId, from, to));
        });
    }

    /** Sets the capacity of one slot, creating it if needed. */
    @WithTransaction
    public Uni<SlotInventory> setSlot(UUID listingId, Instant slotStart, int capacity) {
        return listings.active(listingId).chain(listing -> {
            requireSlotStart(SlotGrid.of(listing), listing, "slotStart", slotStart);
            return setCapacity(listing, List.of(slotStart), capacity)
                    .chain(() -> inventory.findById(new SlotInventory.Key(listingId, slotStart)));
        });
    }

    private Uni<Void> setCapacity(Listing listing, List<Instant> starts, int capacity) {
        return inventory.setCapacity(listing.id, starts, capacity).invoke(set -> {
            if (set != starts.size()) {
                throw ProblemException.conflict("The capacity " + capacity + " is below what is already held or booked in "
                        + (starts.size() - set) + " of the slots; nothing was changed.");
            }
        }).replaceWithVoid();
    }

    static void requireSlotStart(SlotGrid grid, Listing listing, String field, Instant instant) {
        if (!grid.isSlotStart(instant)) {
            throw ProblemException.unprocessable(field, "must be a slot start of the listing: a multiple of "
                    + listing.slotMinutes + " minutes after midnight in " + listing.timeZone);
        }
    }
}
