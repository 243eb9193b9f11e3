package org.bookingplatform.payment.rest;

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
import org.bookingplatform.payment.service.PaymentQueries;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.paging.PageResponse;

import java.util.UUID;

@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"customer", "operator"})
public class PaymentResource {

    private final PaymentQueries queries;
    private final SecurityIdentity identity;

    public PaymentResource(PaymentQueries queries, SecurityIdentity identity) {
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    public Uni<PageResponse<PaymentView>> list(@QueryParam("bookingId") UUID bookingId, @BeanParam @Valid PageRequest page) {
        return queries.list(caller(), isOperator(), bookingId, page).map(rows -> PageResponse.of(rows, page, PaymentView::of));
    }

    @GET
    @Path("/{id}")
    public Uni<PaymentView> get(@PathParam("id") UUID id) {
        return queries.get(caller(), isOperator(), id).map(PaymentView::of);
    }

    private UUID caller() {
        return UUID.fromString(identity.getPrincipal().getName());
    }

    private boolean isOperator() {
        return identity.hasRole("operator");
    }
}
