package org.bookingplatform.payment.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.PayableBooking;
import org.bookingplatform.payment.messaging.BookingRequested;
import org.bookingplatform.payment.messaging.BookingStatusChanged;
import org.bookingplatform.payment.repository.PayableBookingRepository;
import org.jboss.logging.Logger;

/** The payable-booking replica, changed by booking events in the consumer's transaction. */
@ApplicationScoped
public class PayableBookings {

    private static final Logger LOG = Logger.getLogger(PayableBookings.class);

    private final PayableBookingRepository bookings;

    public PayableBookings(PayableBookingRepository bookings) {
        this.bookings = bookings;
    }

    public Uni<Void> record(BookingRequested requested) {
        return bookings.insertIfAbsent(requested.bookingId(), requested.customerId(), requested.amount(), requested.currency(),
                requested.holdExpiresAt(), requested.version());
    }

    /**
     * Takes the status an event says the booking has, unless a newer event was applied. A status
     * event of a booking never requested here changes nothing: it can only arrive first when its
     * booking.requested is still being retried, and a payment taken for such a booking in between
     * is rejected by booking-service and refunded.
     */
    public Uni<Void> changeStatus(BookingStatusChanged event, PayableBooking.Status status) {
        return bookings.applyStatus(event.bookingId(), event.version(), status)
                .invoke(updated -> {
                    if (updated == 0) {
                        LOG.debugf("booking %s unknown or already past version %d: %s not applied", event.bookingId(), event.version(), status);
                    }
                })
                .replaceWithVoid();
    }
}
