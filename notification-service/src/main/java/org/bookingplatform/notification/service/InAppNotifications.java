package org.bookingplatform.notification.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.Notification;
import org.bookingplatform.notification.repository.NotificationRepository;
import org.bookingplatform.platform.paging.PageRequest;

import java.util.List;
import java.util.UUID;

/** A person's in-app notifications. */
@ApplicationScoped
public class InAppNotifications {

    private final NotificationRepository notifications;

    public InAppNotifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @WithSession
    public Uni<List<Notification>> of(UUID userId, UUID bookingId, PageRequest page) {
        return notifications.forUser(userId, bookingId, page.toPanache());
    }
}
