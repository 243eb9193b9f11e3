package org.bookingplatform.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.Notification;
import org.bookingplatform.notification.repository.NotificationRepository;
import org.bookingplatform.platform.messaging.IncomingEvent;

import java.util.Map;
import java.util.UUID;

/** What a customer is told about their booking, for each booking event they should hear of. */
@ApplicationScoped
public class BookingNotices {

    private record Notice(String title, String body) {
    }

    private static final Map<String, Notice> NOTICES = Map.of(
            "org.bookingplatform.booking.confirmed", new Notice("Booking confirmed", "Your payment was received and your booking is confirmed."),
            "org.bookingplatform.booking.cancelled", new Notice("Booking cancelled", "Your booking was cancelled; any payment will be refunded."),
            "org.bookingplatform.booking.expired", new Notice("Hold expired", "Your hold expired before payment; the places were released."),
            "org.bookingplatform.booking.payment-rejected", new Notice("Payment refunded", "Your payment arrived after the booking ended and will be refunded."));

    private final NotificationRepository notifications;

    public BookingNotices(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    /** Records the in-app notification of an event, in the consumer's transaction; other types are ignored. */
    public Uni<Void> record(IncomingEvent event) {
        Notice notice = NOTICES.get(event.type());
        if (notice == null) {
            return Uni.createFrom().voidItem();
        }
        JsonNode data = event.data();
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.userId = UUID.fromString(data.path("customerId").asText());
        notification.bookingId = UUID.fromString(data.path("bookingId").asText());
        notification.kind = event.type().substring("org.bookingplatform.".length());
        notification.title = notice.title();
        notification.body = notice.body();
        notification.createdAt = event.time();
        return notifications.persist(notification).replaceWithVoid();
    }
}
