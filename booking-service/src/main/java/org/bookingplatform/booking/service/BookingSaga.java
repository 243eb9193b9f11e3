package org.bookingplatform.booking.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.BookingLifecycle;
import org.bookingplatform.booking.BookingLifecycle.Actor;
import org.bookingplatform.booking.BookingLifecycle.Decision;
import org.bookingplatform.booking.BookingLifecycle.Ignore;
import org.bookingplatform.booking.BookingLifecycle.Move;
import org.bookingplatform.booking.BookingLifecycle.RecordDecline;
import org.bookingplatform.booking.BookingLifecycle.Refuse;
import org.bookingplatform.booking.BookingLifecycle.RejectPayment;
import org.bookingplatform.booking.BookingLifecycle.State;
import org.bookingplatform.booking.Listing;
import org.bookingplatform.booking.SlotGrid;
import org.bookingplatform.booking.messaging.BookingEvents;
import org.bookingplatform.booking.messaging.PaymentAuthorized;
import org.bookingplatform.booking.messaging.PaymentDeclined;
import org.bookingplatform.booking.repository.BookingRepository;
import org.bookingplatform.booking.repository.ListingRepository;
import org.bookingplatform.booking.repository.SlotInventoryRepository;
import org.bookingplatform.platform.problem.ProblemException;
import org.bookingplatform.platform.security.Caller;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The saga's steps after the hold: each locks the booking, asks {@link BookingLifecycle} what
 * the event means in the booking's state, and applies that decision (status, inventory, version,
 * event) in one transaction.
 */
@ApplicationScoped
public class BookingSaga {

    private static final Logger LOG = Logger.getLogger(BookingSaga.class);

    private final BookingRepository bookings;
    private final ListingRepository listings;
    private final SlotInventoryRepository inventory;
    private final BookingEvents events;
    private final BookingMetrics metrics;

    public BookingSaga(BookingRepository bookings, ListingRepository listings, SlotInventoryRepository inventory,
                       BookingEvents events, BookingMetrics metrics) {
        this.bookings = bookings;
        this.listings = listings;
        this.inventory = inventory;
        this.events = events;
        this.metrics = metrics;
    }

    /** The owner (before the start) or an operator (any time) cancels; another customer's booking is a 404. */
    @WithTransaction
    public Uni<Booking> cancel(Caller caller, UUID bookingId) {
        Actor actor = caller.operator() ? Actor.OPERATOR : Actor.CUSTOMER;
        return bookings.lock(bookingId)
                .map(booking -> booking != null && caller.maySee(booking.customerId) ? booking : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No booking " + bookingId + "."))
                .chain(booking -> {
                    Decision decision = BookingLifecycle.onCancel(State.of(booking), actor, now());
                    if (decision instanceof Move move) {
                        booking.cancelledBy = actor;
                        return move(booking, move).replaceWith(booking);
                    }
                    if (decision instanceof Refuse refuse) {
                        return Uni.createFrom().failure(ProblemException.conflict(refuse.why()));
                    }
                    return Uni.createFrom().item(booking);
                });
    }

    @WithTransaction
    public Uni<Void> paymentAuthorized(PaymentAuthorized payment) {
        return locked(payment.bookingId()).chain(booking -> {
            if (booking == null) {
                return Uni.createFrom().voidItem();
            }
            Decision decision = BookingLifecycle.onPaymentAuthorized(State.of(booking),
                    new BookingLifecycle.Payment(payment.paymentId(), payment.amount(), payment.currency()));
            if (decision instanceof Move move) {
                booking.paymentId = payment.paymentId();
                return move(booking, move);
            }
            if (decision instanceof RejectPayment reject) {
                if (reject.reason() == BookingLifecycle.RejectionReason.PAYMENT_MISMATCH) {
                    LOG.errorf("payment %s of booking %s rejected: %d %s authorized, the booking's total is %d %s",
                            payment.paymentId(), booking.id, payment.amount(), payment.currency(), booking.totalAmount, booking.currency);
                }
                next(booking);
                return events.paymentRejected(booking, payment.paymentId(), reject.reason());
            }
            return ignore(booking, decision);
        });
    }

    @WithTransaction
    public Uni<Void> paymentDeclined(PaymentDeclined payment) {
        return locked(payment.bookingId()).chain(booking -> {
            if (booking == null) {
                return Uni.createFrom().voidItem();
            }
            Decision decision = BookingLifecycle.onPaymentDeclined(State.of(booking));
            if (decision instanceof RecordDecline) {
                booking.declinedPayments++;
                booking.lastDeclineReason = payment.reason();
                booking.updatedAt = now();
                return Uni.createFrom().voidItem();
            }
            return ignore(booking, decision);
        });
    }

    /**
     * The customer erased their account: their holds are released and their bookings still to
     * come cancelled (payment-service refunds those on booking.cancelled), all in one transaction.
     * Slots are locked in one order first, as the sweep does, so this never deadlocks with it.
     */
    @WithTransaction
    public Uni<Void> customerErased(UUID customerId) {
        Instant now = now();
        return bookings.lockUpcomingOf(customerId, now)
                .call(inventory::lockSlotsOf)
                .chain(upcoming -> Multi.createFrom().iterable(upcoming)
                        .onItem().transformToUniAndConcatenate(booking -> {
                            Decision decision = BookingLifecycle.onCustomerErased(State.of(booking), now);
                            if (decision instanceof Move move) {
                                booking.cancelledBy = Actor.CUSTOMER;
                                return move(booking, move, true);
                            }
                            return ignore(booking, decision);
                        })
                        .collect().last())
                .replaceWithVoid();
    }

    /** Expires up to {@code limit} unpaid holds whose time is up; returns how many it looked at. */
    @WithTransaction
    public Uni<Integer> expireDueHolds(int limit) {
        Instant now = now();
        return bookings.lockExpiredHolds(now, limit)
                .call(inventory::lockSlotsOf)
                .call(due -> Multi.createFrom().iterable(due)
                        .onItem().transformToUniAndConcatenate(booking -> {
                            Decision decision = BookingLifecycle.onHoldExpiry(State.of(booking), now);
                            return decision instanceof Move move ? move(booking, move) : ignore(booking, decision);
                        })
                        .collect().last())
                .map(List::size);
    }

    private Uni<Booking> locked(UUID bookingId) {
        return bookings.lock(bookingId).invoke(booking -> {
            if (booking == null) {
                LOG.warnf("payment event for unknown booking %s ignored", bookingId);
            }
        });
    }

    /** Applies a move: the inventory of every slot, the status, the version, the event. */
    private Uni<Void> move(Booking booking, Move move) {
        return move(booking, move, false);
    }

    /** {@code customerErased}: the move is part of the customer's erasure, which its event says. */
    private Uni<Void> move(Booking booking, Move move, boolean customerErased) {
        Booking.Status previous = booking.status;
        return listings.findById(booking.listingId).chain(listing -> inventory
                        .change(booking.listingId, booking.slotStart, booking.slotEnd, booking.quantity, move.inventory())
                        .invoke(changed -> requireAllSlots(booking, listing, changed)))
                .chain(() -> {
                    booking.status = move.to();
                    next(booking);
                    metrics.moved(booking, previous, booking.updatedAt);
                    return events.moved(booking, previous, customerErased);
                });
    }

    /**
     * A release or confirmation changes every slot the hold took; fewer means the inventory no
     * longer matches the booking, which must fail loudly rather than commit a half change.
     */
    private static void requireAllSlots(Booking booking, Listing listing, int changed) {
        int slots = SlotGrid.of(listing).startsIn(booking.slotStart, booking.slotEnd).size();
        if (changed != slots) {
            throw new IllegalStateException("booking " + booking.id + " covers " + slots + " slots but " + changed + " changed");
        }
    }

    private static void next(Booking booking) {
        booking.version++;
        booking.updatedAt = now();
    }

    private static Uni<Void> ignore(Booking booking, Decision decision) {
        if (decision instanceof Ignore ignore) {
            LOG.infof("booking %s: event ignored, %s", booking.id, ignore.why());
        }
        return Uni.createFrom().voidItem();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
