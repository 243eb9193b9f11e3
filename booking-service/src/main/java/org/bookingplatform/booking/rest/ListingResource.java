package org.bookingplatform.booking.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.bookingplatform.booking.Listing;
import org.bookingplatform.booking.service.ListingAdministration;
import org.bookingplatform.booking.service.ListingCatalog;
import org.bookingplatform.booking.service.ListingSearch;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.paging.PageResponse;
import org.bookingplatform.platform.problem.ProblemException;
import org.jboss.resteasy.reactive.RestResponse;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/** The catalog: anyone, signed in or not, searches listings and reads availability; operators edit listings. */
@Path("/listings")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
public class ListingResource {

    static final int DEFAULT_AVAILABILITY_PAGE = 100;
    /** More than a day of 5-minute slots (288), so that a day's availability is one answer. */
    static final int MAX_AVAILABILITY_PAGE = 500;

    private final ListingCatalog catalog;
    private final ListingAdministration administration;

    public ListingResource(ListingCatalog catalog, ListingAdministration administration) {
        this.catalog = catalog;
        this.administration = administration;
    }

    /** With {@code from} and {@code to}: only listings with {@code quantity} (default 1) units left in every slot of [from, to). */
    @GET
    public Uni<PageResponse<ListingView>> search(@QueryParam("city") @Size(max = 100) String city,
                                                 @QueryParam("category") String category,
                                                 @QueryParam("from") String from,
                                                 @QueryParam("to") String to,
                                                 @QueryParam("quantity") String quantity,
                                                 @BeanParam @Valid PageRequest page) {
        Instant fromTime = RequestParameters.instant("from", from);
        Instant toTime = RequestParameters.instant("to", to);
        if ((fromTime == null) != (toTime == null)) {
            throw ProblemException.badRequest(fromTime == null ? "from" : "to", "'from' and 'to' go together");
        }
        ListingSearch search = new ListingSearch(city, RequestParameters.enumValue(Listing.Category.class, "category", category),
                fromTime, toTime, RequestParameters.positiveInt("quantity", quantity, 1));
        return catalog.search(search, page).map(rows -> PageResponse.of(rows, page, ListingView::of));
    }

    @GET
    @Path("/{id}")
    public Uni<ListingView> get(@PathParam("id") UUID id) {
        return catalog.get(id).map(ListingView::of);
    }

    /** Slots of [from, to) in pages of {@code size} (default 100, at most 500); ask again from {@code next} for more. */
    @GET
    @Path("/{id}/availability")
    public Uni<AvailabilityPage> availability(@PathParam("id") UUID id,
                                              @QueryParam("from") String from,
                                              @QueryParam("to") String to,
                                              @QueryParam("size") String size) {
        int pageSize = RequestParameters.boundedInt("size", size, DEFAULT_AVAILABILITY_PAGE, MAX_AVAILABILITY_PAGE);
        return catalog.availability(id, RequestParameters.requiredInstant("from", from), RequestParameters.requiredInstant("to", to), pageSize)
                .map(page -> AvailabilityPage.of(page, pageSize));
    }

    @POST
    @RolesAllowed("operator")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<ListingView>> create(@Valid @NotNull ListingRequest request) {
        return administration.create(request).map(listing -> RestResponse.ResponseBuilder
                .<ListingView>created(URI.create("/listings/" + listing.id)).entity(ListingView.of(listing)).build());
    }

    @PUT
    @Path("/{id}")
    @RolesAllowed("operator")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<ListingView> update(@PathParam("id") UUID id, @Valid @NotNull ListingUpdate update) {
        return administration.update(id, update).map(ListingView::of);
    }

    @POST
    @Path("/{id}/archive")
    @RolesAllowed("operator")
    public Uni<ListingView> archive(@PathParam("id") UUID id) {
        return administration.archive(id).map(ListingView::of);
    }
}
