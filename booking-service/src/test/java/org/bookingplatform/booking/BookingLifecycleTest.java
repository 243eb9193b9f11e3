package org.bookingplatform.booking;

import org.bookingplatform.booking.Booking.Status;
import org.bookingplatform.booking.BookingLifecycle.Actor;
import org.bookingplatform.booking.BookingLifecycle.Ignore;
import org.bookingplatform.booking.BookingLifecycle.InventoryChange;
import org.bookingplatform.booking.BookingLifecycle.Move;
import org.bookingplatform.booking.BookingLifecycle.Payment;
import org.bookingplatform.booking.BookingLifecycle.RecordDecline;
import org.bookingplatform.booking.BookingLifecycle.Refuse;
import org.bookingplatform.booking.BookingLifecycle.RejectPayment;
import org.bookingplatform.booking.BookingLifecycle.RejectionReason;
import org.bookingplatform.booking.BookingLifecycle.State;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class BookingLifecycleTest {

    private static final Instant NOW = Instant.parse("2026-05-04T09:15:00Z");
    private static final Instant START = Instant.parse("2026-06-12T00:00:00Z");
    private static final UUID PAYMENT = UUID.randomUUID();
    private static final long TOTAL = 24000;
    /** The booking's own total, as payment-service charges it. */
    private static final Payment PAID = new Payment(PAYMENT, TOTAL, "EUR");

    @Test
    void authorizedPaymentConfirmsAPendingHoldTurningHeldIntoBooked() {
        assertEquals(new Move(Status.CONFIRMED, InventoryChange.CONFIRM_HOLD),
                BookingLifecycle.onPaymentAuthorized(pending(), PAID));
    }

    @Test
    void paymentAfterExpiryIsRejectedSoThatItIsRefunded() {
        assertEquals(new RejectPayment(RejectionReason.BOOKING_EXPIRED),
                BookingLifecycle.onPaymentAuthorized(state(Status.EXPIRED, null), PAID));
    }

    @Test
    void paymentAfterCancellingAHoldIsRejectedSoThatItIsRefunded() {
        assertEquals(new RejectPayment(RejectionReason.BOOKING_CANCELLED),
                BookingLifecycle.onPaymentAuthorized(state(Status.CANCELLED, null), PAID));
    }

    @Test
    void theConfirmingPaymentSeenAgainAfterCancellationIsNotRejectedTwice() {
        assertInstanceOf(Ignore.class, BookingLifecycle.onPaymentAuthorized(state(Status.CANCELLED, PAYMENT), PAID));
    }

    @Test
    void theSamePaymentAuthorizedAgainChangesNothing() {
        assertInstanceOf(Ignore.class, BookingLifecycle.onPaymentAuthorized(state(Status.CONFIRMED, PAYMENT), PAID));
    }

    @Test
    void paymentStillConfirmsAHoldPastItsTimeThatTheSweepHasNotExpiredYet() {
        State overdue = new State(Status.PENDING_PAYMENT, START, NOW.minus(Duration.ofMinutes(1)), null, TOTAL, "EUR");
        assertEquals(new Move(Status.CONFIRMED, InventoryChange.CONFIRM_HOLD), BookingLifecycle.onPaymentAuthorized(overdue, PAID));
    }

    @Test
    void paymentOfAnotherAmountOrCurrencyThanTheBookingsTotalIsRejectedAndTheHoldStaysPending() {
        for (Payment wrong : new Payment[] {new Payment(PAYMENT, TOTAL - 1, "EUR"), new Payment(PAYMENT, TOTAL + 1, "EUR"),
                new Payment(PAYMENT, TOTAL, "USD"), new Payment(PAYMENT, 0, "EUR")}) {
            assertEquals(new RejectPayment(RejectionReason.PAYMENT_MISMATCH), BookingLifecycle.onPaymentAuthorized(pending(), wrong),
                    wrong.toString());
        }
    }

    @Test
    void declinedPaymentIsRecordedAndTheHoldStaysPending() {
        assertInstanceOf(RecordDecline.class, BookingLifecycle.onPaymentDeclined(pending()));
    }

    @Test
    void declinedPaymentForASettledBookingIsIgnored() {
        for (Status status : new Status[] {Status.CONFIRMED, Status.EXPIRED, Status.CANCELLED}) {
            assertInstanceOf(Ignore.class, BookingLifecycle.onPaymentDeclined(state(status, null)), status.name());
        }
    }

    @Test
    void anUnpaidHoldPastItsTimeExpiresAndReleasesTheHold() {
        State due = new State(Status.PENDING_PAYMENT, START, NOW, null, TOTAL, "EUR");
        assertEquals(new Move(Status.EXPIRED, InventoryChange.RELEASE_HOLD), BookingLifecycle.onHoldExpiry(due, NOW));
    }

    @Test
    void aHoldWithTimeLeftOrAlreadySettledDoesNotExpire() {
        assertInstanceOf(Ignore.class, BookingLifecycle.onHoldExpiry(pending(), NOW));
        assertInstanceOf(Ignore.class, BookingLifecycle.onHoldExpiry(state(Status.CONFIRMED, PAYMENT), NOW.plus(Duration.ofDays(1))));
    }

    @Test
    void cancellingAPendingHoldReleasesTheHold() {
        assertEquals(new Move(Status.CANCELLED, InventoryChange.RELEASE_HOLD),
                BookingLifecycle.onCancel(pending(), Actor.CUSTOMER, NOW));
    }

    @Test
    void customerCancelsAConfirmedBookingBeforeItStartsReleasingTheBookedUnits() {
        assertEquals(new Move(Status.CANCELLED, InventoryChange.RELEASE_BOOKING),
                BookingLifecycle.onCancel(state(Status.CONFIRMED, PAYMENT), Actor.CUSTOMER, NOW));
    }

    @Test
    void onlyAnOperatorCancelsAConfirmedBookingOnceItHasStarted() {
        Instant during = START.plus(Duration.ofHours(1));
        assertInstanceOf(Refuse.class, BookingLifecycle.onCancel(state(Status.CONFIRMED, PAYMENT), Actor.CUSTOMER, during));
        assertEquals(new Move(Status.CANCELLED, InventoryChange.RELEASE_BOOKING),
                BookingLifecycle.onCancel(state(Status.CONFIRMED, PAYMENT), Actor.OPERATOR, during));
    }

    @Test
    void anExpiredBookingCannotBeCancelledAndACancelledOneIsLeftAsItIs() {
        assertInstanceOf(Refuse.class, BookingLifecycle.onCancel(state(Status.EXPIRED, null), Actor.CUSTOMER, NOW));
        assertInstanceOf(Ignore.class, BookingLifecycle.onCancel(state(Status.CANCELLED, null), Actor.OPERATOR, NOW));
    }

    @Test
    void everyCompensationUndoesExactlyTheStepBeforeIt() {
        assertEquals(-InventoryChange.HOLD.held, InventoryChange.RELEASE_HOLD.held);
        assertEquals(0, InventoryChange.RELEASE_HOLD.booked);
        assertEquals(-InventoryChange.CONFIRM_HOLD.booked, InventoryChange.RELEASE_BOOKING.booked);
        assertEquals(0, InventoryChange.RELEASE_BOOKING.held);
        // Confirming moves units from held to booked without ever freeing them.
        assertEquals(0, InventoryChange.CONFIRM_HOLD.held + InventoryChange.CONFIRM_HOLD.booked);
    }

    @Test
    void erasureOfTheCustomerReleasesAHoldAndCancelsAConfirmedBookingStillToCome() {
        assertEquals(new Move(Status.CANCELLED, InventoryChange.RELEASE_HOLD), BookingLifecycle.onCustomerErased(pending(), NOW));
        assertEquals(new Move(Status.CANCELLED, InventoryChange.RELEASE_BOOKING),
                BookingLifecycle.onCustomerErased(state(Status.CONFIRMED, PAYMENT), NOW));
    }

    @Test
    void erasureOfTheCustomerKeepsStartedAndSettledBookings() {
        Instant during = START.plus(Duration.ofHours(2));
        assertInstanceOf(Ignore.class, BookingLifecycle.onCustomerErased(state(Status.CONFIRMED, PAYMENT), during));
        assertInstanceOf(Ignore.class, BookingLifecycle.onCustomerErased(state(Status.EXPIRED, null), NOW));
        assertInstanceOf(Ignore.class, BookingLifecycle.onCustomerErased(state(Status.CANCELLED, PAYMENT), NOW));
    }

    private static State pending() {
        return new State(Status.PENDING_PAYMENT, START, NOW.plus(Duration.ofMinutes(15)), null, TOTAL, "EUR");
    }

    private static State state(Status status, UUID paymentId) {
        return new State(status, START, NOW.minus(Duration.ofMinutes(15)), paymentId, TOTAL, "EUR");
    }
}
