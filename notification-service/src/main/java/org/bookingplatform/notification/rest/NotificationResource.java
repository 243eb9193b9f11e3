package org.bookingplatform.notification.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bookingplatform.notification.service.InAppNotifications;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.paging.PageResponse;

import java.util.UUID;

/** The caller's own notifications; nobody reads another person's. */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NotificationResource {

    private final InAppNotifications notifications;
    private final SecurityIdentity identity;

    public NotificationResource(InAppNotifications notifications, SecurityIdentity identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    @GET
    public Uni<PageResponse<NotificationView>> mine(@QueryParam("bookingId") UUID bookingId, @BeanParam @Valid PageRequest page) {
        UUID caller = UUID.fromString(identity.getPrincipal().getName());
        return notifications.of(caller, bookingId, page).map(rows -> PageResponse.of(rows, page, NotificationView::of));
    }
}
