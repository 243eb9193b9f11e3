package org.bookingplatform.booking.rest;

import org.bookingplatform.booking.SlotInventory;

import java.time.Instant;

public record SlotAvailability(Instant start, int capacity, int remaining) {

    public static SlotAvailability of(SlotInventory slot) {
        return new SlotAvailability(slot.key.slotStart(), slot.capacity, slot.remaining());
    }
}
