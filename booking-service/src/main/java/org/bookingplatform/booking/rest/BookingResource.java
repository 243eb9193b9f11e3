package org.bookingplatform.booking.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.service.BookingQueries;
import org.bookingplatform.booking.service.Viewer;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.paging.PageResponse;

import java.util.UUID;

@Path("/bookings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"customer", "operator"})
public class BookingResource {

    private final BookingQueries queries;
    private final SecurityIdentity identity;

    public BookingResource(BookingQueries queries, SecurityIdentity identity) {
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    public Uni<PageResponse<BookingView>> list(@QueryParam("status") Booking.Status status, @BeanParam @Valid PageRequest page) {
        return queries.list(viewer(), status, page).map(rows -> PageResponse.of(rows, page, BookingView::of));
    }

    @GET
    @Path("/{id}")
    public Uni<BookingView> get(@PathParam("id") UUID id) {
        return queries.get(viewer(), id).map(BookingView::of);
    }

    private Viewer viewer() {
        return new Viewer(UUID.fromString(identity.getPrincipal().getName()), identity.hasRole("operator"));
    }
}
