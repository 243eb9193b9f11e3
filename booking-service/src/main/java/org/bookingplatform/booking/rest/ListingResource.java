package org.bookingplatform.booking.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bookingplatform.booking.Listing;
import org.bookingplatform.booking.service.ListingCatalog;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.paging.PageResponse;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The public catalog: anyone, signed in or not, searches listings and reads availability. */
@Path("/listings")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ListingResource {

    private final ListingCatalog catalog;

    public ListingResource(ListingCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public Uni<PageResponse<ListingView>> search(@QueryParam("city") @Size(max = 100) String city,
                                                 @QueryParam("category") Listing.Category category,
                                                 @BeanParam @Valid PageRequest page) {
        return catalog.search(city, category, page).map(rows -> PageResponse.of(rows, page, ListingView::of));
    }

    @GET
    @Path("/{id}")
    public Uni<ListingView> get(@PathParam("id") UUID id) {
        return catalog.get(id).map(ListingView::of);
    }

    @GET
    @Path("/{id}/availability")
    public Uni<List<SlotAvailability>> availability(@PathParam("id") UUID id,
                                                    @QueryParam("from") @NotNull Instant from,
                                                    @QueryParam("to") @NotNull Instant to) {
        return catalog.availability(id, from, to).map(slots -> slots.stream().map(SlotAvailability::of).toList());
    }
}
