package org.bookingplatform.notification.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bookingplatform.notification.service.NotificationQuery;
import org.bookingplatform.notification.service.Notifications;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.paging.PageResponse;
import org.bookingplatform.platform.problem.ProblemException;
import org.bookingplatform.platform.security.Caller;

import java.util.UUID;

/** The caller's own notifications; nobody reads or marks another person's. */
@Path("/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class NotificationResource {

    private final Notifications notifications;
    private final SecurityIdentity identity;

    public NotificationResource(Notifications notifications, SecurityIdentity identity) {
        this.notifications = notifications;
        this.identity = identity;
    }

    @GET
    public Uni<PageResponse<NotificationView>> mine(@QueryParam("unread") String unread, @QueryParam("bookingId") String bookingId,
                                                   @BeanParam @Valid PageRequest page) {
        Caller caller = Caller.of(identity);
        NotificationQuery query = new NotificationQuery(caller.id(), QueryValues.bool("unread", unread),
                QueryValues.uuid("bookingId", bookingId), page.page(), page.size());
        return notifications.list(query).map(rows -> PageResponse.of(rows, page, NotificationView::of));
    }

    @POST
    @Path("/{id}/read")
    public Uni<NotificationView> markRead(@PathParam("id") String id) {
        Caller caller = Caller.of(identity);
        UUID notificationId;
        try {
            notificationId = UUID.fromString(id);
        } catch (IllegalArgumentException notAnId) {
            throw ProblemException.notFound("No notification " + id + ".");
        }
        return notifications.markRead(caller.id(), notificationId).map(NotificationView::of);
    }

    @POST
    @Path("/read-all")
    public Uni<MarkedRead> markAllRead() {
        return notifications.markAllRead(Caller.of(identity).id()).map(MarkedRead::new);
    }
}
