package org.bookingplatform.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.platform.messaging.IncomingEvent;

/** What a customer is told about their booking, for each booking event they should hear of. */
@ApplicationScoped
public class BookingNotices {

    private final Notifier notifier;

    public BookingNotices(Notifier notifier) {
        this.notifier = notifier;
    }

    /** Tells the booking's customer of the event, in the consumer's transaction; other types are ignored. */
    public Uni<Void> record(IncomingEvent event) {
        return CustomerEvent.notice(event).map(notifier::tell).orElseGet(() -> Uni.createFrom().voidItem());
    }
}
