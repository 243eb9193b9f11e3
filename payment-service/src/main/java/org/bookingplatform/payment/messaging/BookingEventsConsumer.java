package org.bookingplatform.payment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.payment.PayableBooking;
import org.bookingplatform.payment.service.PayableBookings;
import org.bookingplatform.payment.service.Refunds;
import org.bookingplatform.platform.messaging.Inbox;
import org.bookingplatform.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the payable-booking replica and asks for refunds, from booking.events (consumer group
 * payment-service). The inbox row and the effect commit in one transaction: a redelivered event
 * is recognised and skipped, a failed one is rolled back entirely and redelivered through the
 * retry topics.
 */
@ApplicationScoped
public class BookingEventsConsumer {

    static final String CONSUMER = "payment-service.booking-events";
    static final String REQUESTED = "org.bookingplatform.booking.requested";
    static final String CONFIRMED = "org.bookingplatform.booking.confirmed";
    static final String EXPIRED = "org.bookingplatform.booking.expired";
    static final String CANCELLED = "org.bookingplatform.booking.cancelled";
    static final String PAYMENT_REJECTED = "org.bookingplatform.booking.payment-rejected";

    private final Inbox inbox;
    private final PayableBookings bookings;
    private final Refunds refunds;

    public BookingEventsConsumer(Inbox inbox, PayableBookings bookings, Refunds refunds) {
        this.inbox = inbox;
        this.bookings = bookings;
        this.refunds = refunds;
    }

    @Incoming("booking-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.once(CONSUMER, record, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            case REQUESTED -> bookings.record(event.dataAs(BookingRequested.class));
            // Ends the payment's watch by UnconfirmedPayments.
            case CONFIRMED -> bookings.changeStatus(event.dataAs(BookingStatusChanged.class), PayableBooking.Status.CONFIRMED);
            case EXPIRED -> bookings.changeStatus(event.dataAs(BookingStatusChanged.class), PayableBooking.Status.EXPIRED);
            case CANCELLED -> {
                BookingStatusChanged cancelled = event.dataAs(BookingStatusChanged.class);
                yield bookings.changeStatus(cancelled, PayableBooking.Status.CANCELLED)
                        .chain(() -> refunds.forCancelledBooking(cancelled.bookingId()));
            }
            case PAYMENT_REJECTED -> {
                BookingPaymentRejected rejected = event.dataAs(BookingPaymentRejected.class);
                yield bookings.changeStatus(new BookingStatusChanged(rejected.bookingId(), rejected.version()),
                                PayableBooking.Status.REJECTED)
                        .chain(() -> refunds.forRejectedPayment(rejected.paymentId()));
            }
            // Types added later: nothing payment-service keeps depends on them.
            default -> Uni.createFrom().voidItem();
        };
    }
}
