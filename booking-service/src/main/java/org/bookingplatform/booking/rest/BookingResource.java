package org.bookingplatform.booking.rest;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.service.BookingQueries;
import org.bookingplatform.booking.service.BookingSaga;
import org.bookingplatform.booking.service.Holds;
import org.bookingplatform.platform.idempotency.IdempotencyKeys;
import org.bookingplatform.platform.idempotency.IdempotentResult;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.paging.PageResponse;
import org.bookingplatform.platform.security.Caller;

import java.util.UUID;

@Path("/bookings")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"customer", "operator"})
public class BookingResource {

    private final BookingQueries queries;
    private final Holds holds;
    private final BookingSaga saga;
    private final SecurityIdentity identity;

    public BookingResource(BookingQueries queries, Holds holds, BookingSaga saga, SecurityIdentity identity) {
        this.queries = queries;
        this.holds = holds;
        this.saga = saga;
        this.identity = identity;
    }

    /** Holds the units and answers 201 with the booking, PENDING_PAYMENT until paid or expired. */
    @POST
    @RolesAllowed("customer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> hold(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull HoldRequest request) {
        return holds.place(Caller.of(identity).id(), IdempotencyKeys.require(idempotencyKey), request)
                .map(IdempotentResult::toResponse);
    }

    @GET
    public Uni<PageResponse<BookingView>> list(@QueryParam("status") String status, @BeanParam @Valid PageRequest page) {
        return queries.list(Caller.of(identity), RequestParameters.enumValue(Booking.Status.class, "status", status), page)
                .map(rows -> PageResponse.of(rows, page, BookingView::of));
    }

    @GET
    @Path("/{id}")
    public Uni<BookingView> get(@PathParam("id") UUID id) {
        return queries.get(Caller.of(identity), id).map(BookingView::of);
    }

    /** The owner cancels before the start (a pending hold at any time); an operator cancels at any time. */
    @POST
    @Path("/{id}/cancel")
    public Uni<BookingView> cancel(@PathParam("id") UUID id) {
        return saga.cancel(Caller.of(identity), id).map(BookingView::of);
    }
}
