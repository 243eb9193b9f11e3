package org.bookingplatform.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.notification.service.BookingNotices;
import org.bookingplatform.platform.messaging.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Turns booking events into notifications, once per event however often Kafka delivers it. */
@ApplicationScoped
public class BookingEventsConsumer {

    static final String CONSUMER = "notification-service.booking-events";

    private final Inbox inbox;
    private final BookingNotices notices;

    public BookingEventsConsumer(Inbox inbox, BookingNotices notices) {
        this.inbox = inbox;
        this.notices = notices;
    }

    @Incoming("booking-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.once(CONSUMER, record, notices::record);
    }
}
