package org.bookingplatform.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.platform.messaging.IncomingEvent;

import java.time.Instant;
import java.util.UUID;

/** What a customer is told about their booking, for each booking event they should hear of. */
@ApplicationScoped
public class BookingNotices {

    static final String CANCELLED = "org.bookingplatform.booking.cancelled";

    private final Notifier notifier;
    private final Contacts contacts;

    public BookingNotices(Notifier notifier, Contacts contacts) {
        this.notifier = notifier;
        this.contacts = contacts;
    }

    /**
     * Tells the booking's customer of the event, in the consumer's transaction; other types are ignored.
     * A cancellation that is part of the customer's erasure erases them here: user.erased comes on
     * another topic and may arrive after it, and the erased customer must not be e-mailed meanwhile.
     */
    public Uni<Void> record(IncomingEvent event) {
        if (CANCELLED.equals(event.type()) && event.data().path("customerErased").asBoolean(false)) {
            return contacts.erase(UUID.fromString(event.data().path("customerId").asText()), event.time() != null ? event.time() : Instant.now());
        }
        return CustomerEvent.notice(event).map(notifier::tell).orElseGet(() -> Uni.createFrom().voidItem());
    }
}
