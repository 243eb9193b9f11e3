package org.bookingplatform.notification.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.Notification;
import org.bookingplatform.notification.repository.NotificationRepository;
import org.bookingplatform.platform.problem.ProblemException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** A person's in-app notifications: listing them and marking them read. Nobody reaches another person's. */
@ApplicationScoped
public class Notifications {

    private final NotificationRepository notifications;

    public Notifications(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @WithSession
    public Uni<List<Notification>> list(NotificationQuery query) {
        long first = (long) query.page() * query.size();
        if (first > Integer.MAX_VALUE - query.size()) {
            // Nobody has two billion notifications; the offset would not fit the query either.
            return Uni.createFrom().item(List.of());
        }
        return notifications.forUser(query.userId(), query.unread(), query.bookingId(), (int) first, query.size());
    }

    /** Marks the notification read (again is fine); a 404 problem when the user has no such notification. */
    @WithTransaction
    public Uni<Notification> markRead(UUID userId, UUID notificationId) {
        return notifications.markRead(userId, notificationId, Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .chain(found -> found ? notifications.findById(notificationId)
                        : Uni.createFrom().failure(ProblemException.notFound("No notification " + notificationId + ".")));
    }

    /** Marks every unread notification of the user read; how many were. */
    @WithTransaction
    public Uni<Integer> markAllRead(UUID userId) {
        return notifications.markAllRead(userId, Instant.now().truncatedTo(ChronoUnit.MILLIS));
    }
}
