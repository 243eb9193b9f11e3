package org.bookingplatform.booking.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.BookingLifecycle;
import org.bookingplatform.booking.BookingLifecycle.InventoryChange;
import org.bookingplatform.booking.Listing;
import org.bookingplatform.booking.SlotGrid;
import org.bookingplatform.booking.config.BookingConfig;
import org.bookingplatform.booking.messaging.BookingEvents;
import org.bookingplatform.booking.repository.BookingRepository;
import org.bookingplatform.booking.repository.ListingRepository;
import org.bookingplatform.booking.repository.SlotInventoryRepository;
import org.bookingplatform.booking.rest.BookingView;
import org.bookingplatform.booking.rest.HoldRequest;
import org.bookingplatform.platform.idempotency.IdempotencyKeys;
import org.bookingplatform.platform.idempotency.IdempotentResult;
import org.bookingplatform.platform.problem.Problem;
import org.bookingplatform.platform.problem.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The saga's first step: a customer holds units of every slot of a period, and the booking
 * waits for payment. Inventory, booking, booking.requested and the Idempotency-Key's answer
 * commit together or not at all.
 */
@ApplicationScoped
public class Holds {

    /** The most slots one booking spans (a year of nights). */
    static final int MAX_SLOTS = 366;

    private final ListingRepository listings;
    private final SlotInventoryRepository inventory;
    private final BookingRepository bookings;
    private final BookingEvents events;
    private final IdempotencyKeys keys;
    private final BookingConfig config;

    public Holds(ListingRepository listings, SlotInventoryRepository inventory, BookingRepository bookings,
                 BookingEvents events, IdempotencyKeys keys, BookingConfig config) {
        this.listings = listings;
        this.inventory = inventory;
        this.bookings = bookings;
        this.events = events;
        this.keys = keys;
        this.config = config;
    }

    /**
     * Places the hold once per Idempotency-Key of this customer: a retry with the same request
     * gets the first answer; the key reused for another request is a 409. A concurrent retry
     * waits on the key's row until this transaction ends, so it never holds twice.
     */
    @WithTransaction
    public Uni<IdempotentResult<BookingView>> place(UUID customerId, String idempotencyKey, HoldRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        checkRequest(request, now);
        return keys.once("booking-hold:" + customerId, idempotencyKey, request, 201,
                () -> hold(customerId, request, now).map(BookingView::of));
    }

    private void checkRequest(HoldRequest request, Instant now) {
        if (request.quantity() > config.maxQuantity()) {
            throw ProblemException.badRequest("quantity", "must be at most " + config.maxQuantity());
        }
        if (!request.end().isAfter(request.start())) {
            throw ProblemException.unprocessable("end", "must be after 'start'");
        }
        if (request.start().isBefore(now)) {
            throw ProblemException.unprocessable("start", "must not be in the past");
        }
    }

    private Uni<Booking> hold(UUID customerId, HoldRequest request, Instant now) {
        return listings.findById(request.listingId())
                .onItem().ifNull().failWith(() -> ProblemException.unprocessable("listingId", "no listing " + request.listingId()))
                .chain(listing -> {
                    List<Instant> slots = slotsOf(listing, request);
                    return inventory.change(listing.id, request.start(), request.end(), request.quantity(), InventoryChange.HOLD)
                            .chain(taken -> {
                                if (taken != slots.size()) {
                                    return Uni.createFrom().failure(ProblemException.conflict(
                                            "Not enough availability: fewer than " + request.quantity()
                                                    + " units left in some slot of the period, or a slot is not open."));
                                }
                                Booking booking = newBooking(customerId, listing, request, slots.size(), now);
                                return bookings.persist(booking).call(events::requested);
                            });
                });
    }

    private static List<Instant> slotsOf(Listing listing, HoldRequest request) {
        if (listing.status == Listing.Status.ARCHIVED) {
            throw new ProblemException(new Problem("about:blank", "Conflict", 409, "Listing " + listing.id + " is archived.",
                    List.of(new Problem.FieldError("listingId", "is archived and takes no bookings"))), null);
        }
        SlotGrid grid = SlotGrid.of(listing);
        Inventory.requireSlotStart(grid, listing, "start", request.start());
        Inventory.requireSlotStart(grid, listing, "end", request.end());
        List<Instant> slots = grid.startsIn(request.start(), request.end());
        if (slots.size() > MAX_SLOTS) {
            throw ProblemException.unprocessable("end", "a booking spans at most " + MAX_SLOTS + " slots");
        }
        return slots;
    }

    private Booking newBooking(UUID customerId, Listing listing, HoldRequest request, int slots, Instant now) {
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.listingId = listing.id;
        booking.customerId = customerId;
        booking.slotStart = request.start();
        booking.slotEnd = request.end();
        booking.quantity = request.quantity();
        booking.totalAmount = Math.multiplyExact(Math.multiplyExact(listing.unitPriceAmount, slots), request.quantity());
        booking.currency = listing.currency;
        booking.status = BookingLifecycle.INITIAL;
        booking.holdExpiresAt = now.plus(config.holdDuration());
        booking.version = 1;
        booking.createdAt = now;
        booking.updatedAt = now;
        return booking;
    }
}
