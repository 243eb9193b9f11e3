package org.bookingplatform.booking;

import org.bookingplatform.booking.Booking.Status;

import java.time.Instant;
import java.util.UUID;

/**
 * The booking saga as a state machine, all of it in this file: the states, the events that
 * move a booking between them, what each move does to the inventory and what it announces on
 * booking.events. Each compensation sits next to the step it undoes. Pure: the services load
 * and lock the booking, ask here what to do, and apply the decision in the same transaction.
 *
 * <pre>
 * state            event                 next             inventory (every slot of the booking)   announced
 * (none)           hold requested        PENDING_PAYMENT  HOLD: held += q, refused if any slot     booking.requested
 *                                                         lacks q (conditional update + CHECK)
 * PENDING_PAYMENT  payment authorized    CONFIRMED        CONFIRM_HOLD: held -= q, booked += q     booking.confirmed
 * PENDING_PAYMENT  payment authorized,   PENDING_PAYMENT  none: the hold waits for a right payment  booking.payment-rejected
 *                  not the booking's                      or its expiry (payment-service refunds)  (PAYMENT_MISMATCH)
 *                  total and currency
 * PENDING_PAYMENT  payment declined      PENDING_PAYMENT  none; the attempt is recorded and the    (nothing)
 *                                                         customer may pay again until expiry
 * PENDING_PAYMENT  hold expired (sweep)  EXPIRED          RELEASE_HOLD undoes HOLD                 booking.expired
 * PENDING_PAYMENT  cancelled             CANCELLED        RELEASE_HOLD undoes HOLD                 booking.cancelled
 * CONFIRMED        cancelled             CANCELLED        RELEASE_BOOKING undoes CONFIRM_HOLD;     booking.cancelled
 *                                                         payment-service refunds the payment
 * PENDING_PAYMENT  customer erased       CANCELLED        RELEASE_HOLD undoes HOLD                 booking.cancelled
 * CONFIRMED,       customer erased       CANCELLED        RELEASE_BOOKING undoes CONFIRM_HOLD;     booking.cancelled
 *   not started                                           payment-service refunds the payment
 * EXPIRED          payment authorized    EXPIRED          none: the inventory is gone              booking.payment-rejected
 *                                                         (payment-service refunds)                (BOOKING_EXPIRED)
 * CANCELLED        payment authorized    CANCELLED        none                                     booking.payment-rejected
 *                                                         (payment-service refunds)                (BOOKING_CANCELLED)
 * </pre>
 * Anything else is ignored (a redelivered or late event that changes nothing) or refused (a
 * cancellation the booking's state does not allow: 409).
 */
public final class BookingLifecycle {

    private BookingLifecycle() {
    }

    /** Who asks for a cancellation; announced as {@code cancelledBy}. */
    public enum Actor { CUSTOMER, OPERATOR }

    /** Why a payment could not be taken; announced as {@code reason} of booking.payment-rejected. */
    public enum RejectionReason { BOOKING_EXPIRED, BOOKING_CANCELLED, PAYMENT_MISMATCH }

    /** Change of every slot of the booking, in units of its quantity. */
    public enum InventoryChange {
        /** Takes the units for the hold; only ever applied with the capacity condition. */
        HOLD(1, 0),
        /** Undoes HOLD: the unpaid hold expires or is cancelled. */
        RELEASE_HOLD(-1, 0),
        /** The paid hold becomes booked; the units never become free in between. */
        CONFIRM_HOLD(-1, 1),
        /** Undoes CONFIRM_HOLD: a confirmed booking is cancelled. */
        RELEASE_BOOKING(0, -1);

        public final int held;
        public final int booked;

        InventoryChange(int held, int booked) {
            this.held = held;
            this.booked = booked;
        }
    }

    /** What the state machine needs to know of a booking. */
    public record State(Status status, Instant start, Instant holdExpiresAt, UUID paymentId, long totalAmount, String currency) {

        public static State of(Booking booking) {
            return new State(booking.status, booking.slotStart, booking.holdExpiresAt, booking.paymentId, booking.totalAmount,
                    booking.currency);
        }
    }

    /** An authorized payment as payment.authorized announces it. */
    public record Payment(UUID id, long amount, String currency) {
    }

    /** What to do about an event. */
    public sealed interface Decision {
    }

    /** Move to {@code to}, change the inventory, announce the new status. */
    public record Move(Status to, InventoryChange inventory) implements Decision {
    }

    /** Keep the status and announce booking.payment-rejected, so that payment-service refunds. */
    public record RejectPayment(RejectionReason reason) implements Decision {
    }

    /** Keep the status, record the declined attempt, announce nothing. */
    public record RecordDecline() implements Decision {
    }

    /** Nothing to do: the event changes nothing (a duplicate, or a late event about a settled booking). */
    public record Ignore(String why) implements Decision {
    }

    /** The request is not allowed in this state: answered 409. */
    public record Refuse(String why) implements Decision {
    }

    /** The state of a booking that has just taken its inventory. */
    public static final Status INITIAL = Status.PENDING_PAYMENT;

    public static Decision onPaymentAuthorized(State booking, Payment payment) {
        UUID paymentId = payment.id();
        return switch (booking.status()) {
            // Still held, even if the hold's time has passed and the sweep has not reached it yet:
            // the units were never released, so taking the payment cannot overbook. Only the booking's
            // own total confirms it; any other sum is handed back (payment-service refunds it).
            case PENDING_PAYMENT -> payment.amount() == booking.totalAmount() && payment.currency().equals(booking.currency())
                    ? new Move(Status.CONFIRMED, InventoryChange.CONFIRM_HOLD)
                    : new RejectPayment(RejectionReason.PAYMENT_MISMATCH);
            case CONFIRMED -> new Ignore(paymentId.equals(booking.paymentId())
                    ? "payment already applied"
                    : "booking already paid by payment " + booking.paymentId() + "; the contract has no rejection reason for a second payment");
            // Compensation of a payment that came too late: the inventory went back to sale, so the
            // booking cannot take the money; payment-service refunds on booking.payment-rejected.
            case EXPIRED -> new RejectPayment(RejectionReason.BOOKING_EXPIRED);
            // The payment this booking was confirmed with is refunded through booking.cancelled;
            // any other payment is rejected.
            case CANCELLED -> paymentId.equals(booking.paymentId())
                    ? new Ignore("payment of a cancelled booking, refunded after booking.cancelled")
                    : new RejectPayment(RejectionReason.BOOKING_CANCELLED);
        };
    }

    public static Decision onPaymentDeclined(State booking) {
        return booking.status() == Status.PENDING_PAYMENT
                ? new RecordDecline()
                : new Ignore("declined payment for a booking that is " + booking.status());
    }

    public static Decision onHoldExpiry(State booking, Instant now) {
        if (booking.status() != Status.PENDING_PAYMENT) {
            return new Ignore("booking is " + booking.status());
        }
        return booking.holdExpiresAt().isAfter(now)
                ? new Ignore("hold runs until " + booking.holdExpiresAt())
                : new Move(Status.EXPIRED, InventoryChange.RELEASE_HOLD);
    }

    /**
     * The customer erased their account (user.erased): what is still to come is cancelled as if
     * they had cancelled it themselves; what has started or is settled stays, under the customer's
     * id alone, which no longer leads to a person.
     */
    public static Decision onCustomerErased(State booking, Instant now) {
        Decision cancel = onCancel(booking, Actor.CUSTOMER, now);
        return cancel instanceof Refuse refuse ? new Ignore("kept after erasure: " + refuse.why()) : cancel;
    }

    public static Decision onCancel(State booking, Actor actor, Instant now) {
        return switch (booking.status()) {
            // The customer releases an unpaid hold, at any time.
            case PENDING_PAYMENT -> new Move(Status.CANCELLED, InventoryChange.RELEASE_HOLD);
            case CONFIRMED -> actor == Actor.OPERATOR || now.isBefore(booking.start())
                    ? new Move(Status.CANCELLED, InventoryChange.RELEASE_BOOKING)
                    : new Refuse("The booking has started; only an operator can cancel it now.");
            // A retried cancellation answers with the cancelled booking and announces nothing again.
            case CANCELLED -> new Ignore("already cancelled");
            case EXPIRED -> new Refuse("The booking has expired; there is nothing to cancel.");
        };
    }
}
