package org.bookingplatform.booking.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.BookingLifecycle.InventoryChange;
import org.bookingplatform.booking.SlotInventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Slot inventory and the hand-written statements that change it. Every statement that takes
 * row locks on slots takes them in (listing, slot start) order: two transactions over
 * overlapping ranges then queue behind each other instead of deadlocking.
 */
@ApplicationScoped
public class SlotInventoryRepository implements PanacheRepositoryBase<SlotInventory, SlotInventory.Key> {

    public Uni<List<SlotInventory>> between(UUID listingId, Instant from, Instant to) {
        return find("key.listingId = ?1 and key.slotStart >= ?2 and key.slotStart < ?3",
                Sort.by("key.slotStart"), listingId, from, to).list();
    }

    /** The first {@code limit} slots of [from, to), ascending: one range scan of the primary key, however long the range. */
    public Uni<List<SlotInventory>> firstBetween(UUID listingId, Instant from, Instant to, int limit) {
        return find("key.listingId = ?1 and key.slotStart >= ?2 and key.slotStart < ?3",
                Sort.by("key.slotStart"), listingId, from, to).range(0, limit - 1).list();
    }

    /**
     * Adds ?4 held and ?5 booked units to every slot of listing ?1 in [?2, ?3) in one statement.
     * A slot that would exceed its capacity is left out by the condition (and refused by the
     * CHECK constraint if the condition ever were wrong), so a caller compares the count of
     * changed rows with the number of slots it expects and rolls back on a difference. The
     * materialized CTE locks the slots in ascending order before any is updated: a hold of
     * nights 1-3 and one of nights 2-4 cannot each wait for the other. Ordinal parameters, so
     * that the hold path on the SQL client ({@link HoldStatements}) runs this very statement.
     */
    static final String CHANGE_SLOTS = """
            WITH slots AS MATERIALIZED (
                SELECT listing_id, slot_start FROM slot_inventory
                WHERE listing_id = ?1 AND slot_start >= ?2 AND slot_start < ?3
                ORDER BY slot_start
                FOR UPDATE)
            UPDATE slot_inventory AS inventory
            SET held = inventory.held + ?4, booked = inventory.booked + ?5
            FROM slots
            WHERE inventory.listing_id = slots.listing_id AND inventory.slot_start = slots.slot_start
              AND inventory.held + inventory.booked + ?4 + ?5 <= inventory.capacity""";

    /** Applies {@code change} times {@code quantity} to every slot of [start, end); see {@link #CHANGE_SLOTS}. */
    public Uni<Integer> change(UUID listingId, Instant start, Instant end, int quantity, InventoryChange change) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CHANGE_SLOTS)
                .setParameter(1, listingId)
                .setParameter(2, start)
                .setParameter(3, end)
                .setParameter(4, change.held * quantity)
                .setParameter(5, change.booked * quantity)
                .executeUpdate());
    }

    /**
     * Locks every slot of these bookings in (listing, slot start) order, so that the sweep, which
     * changes several bookings' slots in one transaction, takes its locks in the same order as a
     * hold does.
     */
    public Uni<Void> lockSlotsOf(List<Booking> bookings) {
        if (bookings.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT inventory.listing_id FROM slot_inventory AS inventory
                        JOIN booking ON inventory.listing_id = booking.listing_id
                          AND inventory.slot_start >= booking.slot_start AND inventory.slot_start < booking.slot_end
                        WHERE booking.id IN (:ids)
                        ORDER BY inventory.listing_id, inventory.slot_start
                        FOR UPDATE OF inventory""")
                .setParameter("ids", bookings.stream().map(booking -> booking.id).toList())
                .getResultList())
                .replaceWithVoid();
    }

    /**
     * Sets the capacity of these slots, creating the ones that do not exist, and returns how many
     * it set. A slot whose held plus booked units exceed the new capacity keeps its old capacity
     * and is not counted: the caller rolls back when the count is short.
     */
    public Uni<Integer> setCapacity(UUID listingId, List<Instant> starts, int capacity) {
        String startList = starts.stream().map(Instant::toString).collect(Collectors.joining(","));
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO slot_inventory (listing_id, slot_start, capacity)
                        SELECT :listing, CAST(start AS timestamptz), :capacity
                        FROM unnest(string_to_array(:starts, ',')) AS start
                        ORDER BY 2
                        ON CONFLICT (listing_id, slot_start) DO UPDATE SET capacity = EXCLUDED.capacity
                        WHERE slot_inventory.held + slot_inventory.booked <= EXCLUDED.capacity""")
                .setParameter("listing", listingId)
                .setParameter("capacity", capacity)
                .setParameter("starts", startList)
                .executeUpdate());
    }
}
