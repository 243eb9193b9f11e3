package org.bookingplatform.booking;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Capacity of one slot of a listing, and how much of it is held or booked. */
@Entity
@Table(name = "slot_inventory")
public class SlotInventory extends PanacheEntityBase {

    @Embeddable
    public record Key(@Column(name = "listing_id") UUID listingId, @Column(name = "slot_start") Instant slotStart)
            implements Serializable {
    }

    @EmbeddedId
    public Key key;
    public int capacity;
    public int held;
    public int booked;

    public int remaining() {
        return capacity - held - booked;
    }
}
