package org.bookingplatform.booking.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.booking.service.BookingSaga;
import org.bookingplatform.platform.messaging.Inbox;
import org.bookingplatform.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * GDPR erasure reaching bookings: on user.erased the customer's holds are released and their
 * bookings still to come cancelled. booking-service holds no personal data of its own (a booking
 * names its customer by id only), so nothing else changes: past bookings stay under that id,
 * which no longer leads to a person. user.registered and user.updated are recorded and ignored.
 */
@ApplicationScoped
public class UserEventsConsumer {

    static final String CONSUMER = "booking-service.user-events";
    static final String ERASED = "org.bookingplatform.user.erased";

    private final Inbox inbox;
    private final BookingSaga saga;

    public UserEventsConsumer(Inbox inbox, BookingSaga saga) {
        this.inbox = inbox;
        this.saga = saga;
    }

    @Incoming("user-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.once(CONSUMER, record, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        return ERASED.equals(event.type())
                ? saga.customerErased(event.dataAs(UserErased.class).userId())
                : Uni.createFrom().voidItem();
    }
}
