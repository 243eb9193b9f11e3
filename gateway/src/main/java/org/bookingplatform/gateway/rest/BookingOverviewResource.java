package org.bookingplatform.gateway.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.MultiMap;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.bookingplatform.gateway.composition.BookingOverview;
import org.bookingplatform.gateway.composition.BookingOverviews;
import org.bookingplatform.gateway.http.RequestCorrelation;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.UUID;

/** One call for a client's booking screen instead of three. */
@Path("/api/v1/me/bookings/{id}/overview")
@Authenticated
public class BookingOverviewResource {

    private final BookingOverviews overviews;

    public BookingOverviewResource(BookingOverviews overviews) {
        this.overviews = overviews;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A booking with its payments and notifications; a part that could not be had is null "
            + "and named in 'missing' (the answer is still 200). 404 if the booking is not the caller's or does not exist.")
    public Uni<BookingOverview> overview(@PathParam("id") UUID id,
                                         @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
                                         @HeaderParam(RequestCorrelation.REQUEST_ID) String requestId) {
        // The trace context is not copied: each outbound request carries its own client span's.
        MultiMap forwarded = MultiMap.caseInsensitiveMultiMap()
                .add(HttpHeaders.AUTHORIZATION, authorization)
                .add(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON)
                .add(RequestCorrelation.REQUEST_ID, requestId);
        return Uni.createFrom().completionStage(() -> overviews.overview(id, forwarded).toCompletionStage());
    }
}
