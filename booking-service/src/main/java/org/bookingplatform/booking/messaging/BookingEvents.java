package org.bookingplatform.booking.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.BookingLifecycle;
import org.bookingplatform.platform.messaging.Outbox;
import org.bookingplatform.platform.messaging.OutgoingEvent;

import java.util.UUID;

/**
 * What booking-service announces on booking.events, appended to the outbox in the transaction
 * of the change. Each event carries the booking's version after the change; the caller has
 * already incremented it and holds the booking's lock, so versions and outbox order agree.
 */
@ApplicationScoped
public class BookingEvents {

    public static final String TOPIC = "booking.events";
    public static final String SOURCE = "/booking-service";
    public static final String TYPE_PREFIX = "org.bookingplatform.booking.";

    private final Outbox outbox;

    public BookingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** booking.requested, which the hold writes to the outbox itself (HoldStatements). */
    public static OutgoingEvent requested(Booking booking) {
        return event("requested", booking, new BookingRequested(booking.id, booking.version, booking.updatedAt,
                booking.listingId, booking.customerId, booking.slotStart, booking.slotEnd, booking.quantity,
                booking.totalAmount, booking.currency, booking.holdExpiresAt));
    }

    /**
     * Announces the status the booking has just moved to from {@code previous}; a cancellation that is
     * part of the customer's erasure says so, for consumers that may see it before user.erased.
     */
    public Uni<Void> moved(Booking booking, Booking.Status previous, boolean customerErased) {
        return switch (booking.status) {
            case CONFIRMED -> append("confirmed", booking, new BookingConfirmed(booking.id, booking.version,
                    booking.updatedAt, booking.listingId, booking.customerId, booking.paymentId));
            case EXPIRED -> append("expired", booking, new BookingExpired(booking.id, booking.version,
                    booking.updatedAt, booking.listingId, booking.customerId));
            case CANCELLED -> append("cancelled", booking, new BookingCancelled(booking.id, booking.version,
                    booking.updatedAt, booking.listingId, booking.customerId, booking.cancelledBy, previous,
                    customerErased ? Boolean.TRUE : null));
            case PENDING_PAYMENT -> throw new IllegalStateException("no booking moves back to PENDING_PAYMENT");
        };
    }

    public Uni<Void> paymentRejected(Booking booking, UUID paymentId, BookingLifecycle.RejectionReason reason) {
        return append("payment-rejected", booking, new BookingPaymentRejected(booking.id, booking.version,
                booking.updatedAt, booking.customerId, paymentId, reason));
    }

    private Uni<Void> append(String type, Booking booking, Object data) {
        return outbox.append(event(type, booking, data));
    }

    private static OutgoingEvent event(String type, Booking booking, Object data) {
        return OutgoingEvent.of(TOPIC, TYPE_PREFIX + type, SOURCE, booking.id.toString(), data);
    }
}
