package org.bookingplatform.payment.rest;

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
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bookingplatform.payment.config.PaymentConfig;
import org.bookingplatform.payment.service.PaymentAnswer;
import org.bookingplatform.payment.service.PaymentQueries;
import org.bookingplatform.payment.service.Payments;
import org.bookingplatform.platform.idempotency.IdempotencyKeys;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.paging.PageResponse;
import org.bookingplatform.platform.security.Caller;

import java.net.URI;
import java.util.UUID;

@Path("/payments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"customer", "operator"})
public class PaymentResource {

    private final Payments payments;
    private final PaymentQueries queries;
    private final SecurityIdentity identity;
    private final PaymentConfig config;

    public PaymentResource(Payments payments, PaymentQueries queries, SecurityIdentity identity, PaymentConfig config) {
        this.payments = payments;
        this.queries = queries;
        this.identity = identity;
        this.config = config;
    }

    /**
     * 201 with the payment (AUTHORIZED or DECLINED); 202 while a payment made under the same key
     * is still PENDING; 503 with Retry-After when the provider is unavailable (the payment is then
     * PENDING and completed in the background). The same key replays the first final answer.
     */
    @POST
    @RolesAllowed("customer")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> pay(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull PaymentRequest request) {
        String key = IdempotencyKeys.require(idempotencyKey);
        return payments.pay(caller(), key, request).map(this::respond);
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

    private Response respond(PaymentAnswer answer) {
        if (answer instanceof PaymentAnswer.Charged charged) {
            return Response.created(location(charged.payment().id)).entity(PaymentView.of(charged.payment())).build();
        }
        if (answer instanceof PaymentAnswer.Pending pending) {
            return Response.accepted(PaymentView.of(pending.payment()))
                    .location(location(pending.payment().id))
                    .header(HttpHeaders.RETRY_AFTER, Math.max(1, config.pendingRetryAfter().toSeconds()))
                    .build();
        }
        PaymentAnswer.Replayed replayed = (PaymentAnswer.Replayed) answer;
        return Response.status(replayed.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(replayed.body())
                .header(IdempotencyKeys.REPLAYED_HEADER, "true")
                .build();
    }

    private static URI location(UUID paymentId) {
        return URI.create("/payments/" + paymentId);
    }

    private UUID caller() {
        return Caller.of(identity).id();
    }

    private boolean isOperator() {
        return Caller.of(identity).operator();
    }
}
