package org.bookingplatform.booking.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.BookingLifecycle;
import org.bookingplatform.booking.Listing;
import org.bookingplatform.booking.SlotGrid;
import org.bookingplatform.booking.config.BookingConfig;
import org.bookingplatform.booking.messaging.BookingEvents;
import org.bookingplatform.booking.repository.HoldStatements;
import org.bookingplatform.booking.rest.BookingView;
import org.bookingplatform.booking.rest.HoldRequest;
import org.bookingplatform.platform.idempotency.Claim;
import org.bookingplatform.platform.idempotency.IdempotencyKeys;
import org.bookingplatform.platform.idempotency.IdempotentResult;
import org.bookingplatform.platform.idempotency.SqlIdempotencyKeys;
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
 * <p>
 * The hold runs on the Vert.x SQL client ({@link HoldStatements}) in two round trips between
 * BEGIN and COMMIT: the key's claim pipelined with the listing's terms, then one statement for
 * the slots, the booking, the event and the answer. The slot count is checked before anything
 * commits; a short count rolls all of it back.
 */
@ApplicationScoped
public class Holds {

    /** The most slots one booking spans (a year of nights). */
    public static final int MAX_SLOTS = 366;
    private static final int CREATED = 201;

    private final Pool pool;
    private final HoldStatements statements;
    private final SqlIdempotencyKeys keys;
    private final BookingConfig config;
    private final BookingMetrics metrics;

    public Holds(Pool pool, HoldStatements statements, SqlIdempotencyKeys keys, BookingConfig config, BookingMetrics metrics) {
        this.pool = pool;
        this.statements = statements;
        this.keys = keys;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Places the hold once per Idempotency-Key of this customer: a retry with the same request
     * gets the first answer; the key reused for another request is a 409. A concurrent retry
     * waits on the key's row until this transaction ends, so it never holds twice.
     */
    public Uni<IdempotentResult<BookingView>> place(UUID customerId, String idempotencyKey, HoldRequest request) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        checkRequest(request, now);
        String scope = "booking-hold:" + customerId;
        String fingerprint = keys.fingerprint(request);
        return pool.withTransaction(connection -> Uni.combine().all()
                .unis(keys.claim(connection, scope, idempotencyKey, fingerprint),
                        statements.listingTerms(connection, request.listingId()))
                .asTuple()
                .chain(found -> {
                    Claim claim = found.getItem1();
                    if (claim instanceof Claim.Fresh) {
                        return hold(connection, customerId, found.getItem2(), request, now, scope, idempotencyKey)
                                .map(view -> IdempotentResult.fresh(CREATED, view));
                    }
                    if (claim instanceof Claim.Replay replay) {
                        return Uni.createFrom().item(IdempotentResult.<BookingView>replayed(replay));
                    }
                    return Uni.createFrom().failure(claim instanceof Claim.Mismatch
                            ? IdempotencyKeys.reused() : IdempotencyKeys.inProgress());
                }))
                .invoke(result -> {
                    if (!result.isReplay()) {
                        metrics.held();
                    }
                });
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

    /** Takes the slots and writes the booking, its event and the key's answer in one statement. */
    private Uni<BookingView> hold(SqlConnection connection, UUID customerId, Listing listing, HoldRequest request, Instant now,
                                  String scope, String idempotencyKey) {
        if (listing == null) {
            return Uni.createFrom().failure(ProblemException.unprocessable("listingId", "no listing " + request.listingId()));
        }
        List<Instant> slots = slotsOf(listing, request);
        Booking booking = newBooking(customerId, listing, request, slots.size(), now);
        BookingView view = BookingView.of(booking);
        return statements.hold(connection, booking, BookingEvents.requested(booking),
                        keys.completionParameters(scope, idempotencyKey, CREATED, view))
                .map(taken -> {
                    if (taken != slots.size()) {
                        throw ProblemException.conflict("Not enough availability: fewer than " + request.quantity()
                                + " units left in some slot of the period, or a slot is not open.");
                    }
                    return view;
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
        // Counted before they are built: decades of 5-minute slots would fill the heap.
        if (grid.fewestStartsIn(request.start(), request.end()) > MAX_SLOTS) {
            throw tooManySlots();
        }
        List<Instant> slots = grid.startsIn(request.start(), request.end());
        if (slots.size() > MAX_SLOTS) {
            throw tooManySlots();
        }
        return slots;
    }

    private static ProblemException tooManySlots() {
        return ProblemException.unprocessable("end", "a booking spans at most " + MAX_SLOTS + " slots");
    }

    /** Unit price times slots times quantity; a total no amount in minor units can hold is a 422, not an overflow. */
    private static long total(Listing listing, int slots, int quantity) {
        try {
            return Math.multiplyExact(Math.multiplyExact(listing.unitPriceAmount, slots), quantity);
        } catch (ArithmeticException overflow) {
            throw ProblemException.unprocessable("quantity", "the total of " + quantity + " units of " + slots
                    + " slots at " + listing.unitPriceAmount + " " + listing.currency + " exceeds the largest amount that can be charged");
        }
    }

    private Booking newBooking(UUID customerId, Listing listing, HoldRequest request, int slots, Instant now) {
        Booking booking = new Booking();
        booking.id = UUID.randomUUID();
        booking.listingId = listing.id;
        booking.customerId = customerId;
        booking.slotStart = request.start();
        booking.slotEnd = request.end();
        booking.quantity = request.quantity();
        booking.totalAmount = total(listing, slots, request.quantity());
        booking.currency = listing.currency;
        booking.status = BookingLifecycle.INITIAL;
        booking.holdExpiresAt = now.plus(config.holdDuration());
        booking.version = 1;
        booking.createdAt = now;
        booking.updatedAt = now;
        return booking;
    }
}
