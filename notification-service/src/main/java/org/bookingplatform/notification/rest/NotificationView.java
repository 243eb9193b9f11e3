package org.bookingplatform.notification.rest;

import org.bookingplatform.notification.Notification;
import org.bookingplatform.notification.stream.StreamedNotification;

import java.time.Instant;
import java.util.UUID;

public record NotificationView(UUID id, UUID bookingId, String kind, String title, String body, Instant createdAt,
                               Instant readAt) {

    public static NotificationView of(Notification notification) {
        return new NotificationView(notification.id, notification.bookingId, notification.kind, notification.title,
                notification.body, notification.createdAt, notification.readAt);
    }

    public static NotificationView of(StreamedNotification notification) {
        return new NotificationView(notification.id(), notification.bookingId(), notification.kind(), notification.title(),
                notification.body(), notification.createdAt(), notification.readAt());
    }
}
