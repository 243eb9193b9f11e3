package org.bookingplatform.simulator.rest;

import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import org.bookingplatform.simulator.Idempotent;
import org.bookingplatform.simulator.Ledger;
import org.bookingplatform.simulator.Payment;
import org.bookingplatform.simulator.PaymentRequest;
import org.bookingplatform.simulator.ProblemException;
import org.bookingplatform.simulator.Refund;
import org.bookingplatform.simulator.RefundRequest;
import org.bookingplatform.simulator.fault.FaultInjector;
import org.jboss.resteasy.reactive.RestResponse;

@Path("/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
public class PaymentsResource {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";
    private static final int MAX_KEY_LENGTH = 255;

    private final Ledger ledger;
    private final FaultInjector faults;

    public PaymentsResource(Ledger ledger, FaultInjector faults) {
        this.ledger = ledger;
        this.faults = faults;
    }

    /** 201 when charged, 402 with the same body when declined (as card processors answer), 200 on a replay. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public RestResponse<Payment> charge(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, PaymentRequest body,
            @Context HttpServerRequest http) {
        String key = requireKey(idempotencyKey);
        PaymentRequest request = PaymentRequest.validated(body);
        Idempotent<Payment> outcome = faults.aroundCharge(http, () -> ledger.charge(key, request));
        Payment payment = outcome.value();
        if (!payment.succeeded()) {
            return withReplayHeader(RestResponse.ResponseBuilder.create(RestResponse.Status.PAYMENT_REQUIRED, payment), outcome);
        }
        if (outcome.replayed()) {
            return withReplayHeader(RestResponse.ResponseBuilder.ok(payment), outcome);
        }
        return RestResponse.ResponseBuilder.<Payment>created(URI.create("/v1/payments/" + payment.id())).entity(payment).build();
    }

    @GET
    @Path("/{id}")
    public Payment payment(@PathParam("id") String id, @Context HttpServerRequest http) {
        return faults.around(http, () -> ledger.payment(id));
    }

    @GET
    public Payment paymentByIdempotencyKey(@QueryParam("idempotencyKey") String idempotencyKey,
            @Context HttpServerRequest http) {
        if (idempotencyKey == null || idempotencyKey.isBlank()) {
            throw ProblemException.invalidRequest("Query parameter idempotencyKey is required");
        }
        return faults.around(http, () -> ledger.paymentByIdempotencyKey(idempotencyKey));
    }

    /** The body is optional: without an amount, whatever is left of the payment is refunded. */
    @POST
    @Path("/{id}/refunds")
    public RestResponse<Refund> refund(@PathParam("id") String paymentId,
            @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, RefundRequest body, @Context HttpServerRequest http) {
        String key = requireKey(idempotencyKey);
        RefundRequest request = RefundRequest.validated(body);
        Idempotent<Refund> outcome = faults.around(http, () -> ledger.refund(paymentId, key, request));
        if (outcome.replayed()) {
            return withReplayHeader(RestResponse.ResponseBuilder.ok(outcome.value()), outcome);
        }
        return RestResponse.ResponseBuilder.create(RestResponse.Status.CREATED, outcome.value()).build();
    }

    private static String requireKey(String idempotencyKey) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH) {
            throw ProblemException.missingIdempotencyKey();
        }
        return idempotencyKey;
    }

    private static <T> RestResponse<T> withReplayHeader(RestResponse.ResponseBuilder<T> response, Idempotent<?> outcome) {
        if (outcome.replayed()) {
            response.header(IDEMPOTENT_REPLAYED, "true");
        }
        return response.build();
    }
}
