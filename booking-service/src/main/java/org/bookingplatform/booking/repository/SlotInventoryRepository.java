package org.bookingplatform.booking.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.SlotInventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SlotInventoryRepository implements PanacheRepositoryBase<SlotInventory, SlotInventory.Key> {

    public Uni<List<SlotInventory>> between(UUID listingId, Instant from, Instant to) {
        return find("key.listingId = ?1 and key.slotStart >= ?2 and key.slotStart < ?3",
                Sort.by("key.slotStart"), listingId, from, to).list();
    }
}
