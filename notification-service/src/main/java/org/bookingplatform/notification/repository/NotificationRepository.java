package org.bookingplatform.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.Notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /**
     * A person's notifications, newest first: all, only unread ({@code unread} true) or only read
     * (false), optionally those about one booking.
     */
    public Uni<List<Notification>> forUser(UUID userId, Boolean unread, UUID bookingId, int firstResult, int maxResults) {
        StringBuilder query = new StringBuilder("userId = :user");
        Parameters params = Parameters.with("user", userId);
        if (unread != null) {
            query.append(unread ? " and readAt is null" : " and readAt is not null");
        }
        if (bookingId != null) {
            query.append(" and bookingId = :booking");
            params.and("booking", bookingId);
        }
        return find(query.toString(), Sort.descending("createdAt").and("seq", Sort.Direction.Descending), params)
                .range(firstResult, firstResult + maxResults - 1).list();
    }

    /** Marks one of the user's notifications read, keeping the first time it was read; false when the user has no such notification. */
    public Uni<Boolean> markRead(UUID userId, UUID id, Instant at) {
        return update("readAt = coalesce(readAt, :at) where id = :id and userId = :user",
                Parameters.with("at", at).and("id", id).and("user", userId))
                .map(updated -> updated == 1);
    }

    public Uni<Integer> markAllRead(UUID userId, Instant at) {
        return update("readAt = :at where userId = :user and readAt is null", Parameters.with("at", at).and("user", userId));
    }

    /** Deletes an erased user's notifications and their numbering. */
    public Uni<Void> forget(UUID userId) {
        return delete("userId", userId)
                .chain(() -> getSession())
                .chain(session -> session.createNativeQuery("delete from notification_sequence where user_id = :user")
                        .setParameter("user", userId)
                        .executeUpdate())
                .replaceWithVoid();
    }
}
