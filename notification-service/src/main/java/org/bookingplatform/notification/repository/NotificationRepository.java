package org.bookingplatform.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.Notification;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** A person's notifications, newest first, optionally those about one booking. */
    public Uni<List<Notification>> forUser(UUID userId, UUID bookingId, Page page) {
        StringBuilder query = new StringBuilder("userId = :user");
        Parameters params = Parameters.with("user", userId);
        if (bookingId != null) {
            query.append(" and bookingId = :booking");
            params.and("booking", bookingId);
        }
        return find(query.toString(), Sort.descending("createdAt").and("id"), params).page(page).list();
    }
}
