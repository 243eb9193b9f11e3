package org.bookingplatform.booking.service;

import org.bookingplatform.booking.SlotInventory;

import java.time.Instant;
import java.util.List;

/** One page of a listing's slots; {@code next} is where the following page starts, null on the last one. */
public record SlotPage(List<SlotInventory> slots, Instant next) {
}
