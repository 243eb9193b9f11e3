package org.bookingplatform.payment.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The card processor's HTTP API (the payment simulator in tests and local runs). Answers come
 * back as plain responses, whatever their status ({@code disable-default-mapper}): a 402 decline
 * is an outcome, not an error, and {@link PaymentProvider} decides which statuses are failures.
 * Use only through {@link PaymentProvider}, which adds the fault-tolerance policy.
 */
@RegisterRestClient(configKey = "payment-provider")
@Path("/v1/payments")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ProviderClient {

    String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** 201 charged, 402 declined, 200 replay of the charge first made under this key. */
    @POST
    Uni<Response> charge(@HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey, ChargeRequest request);

    /** 201 refunded, 200 replay of the refund first made under this key. */
    @POST
    @Path("/{paymentId}/refunds")
    Uni<Response> refund(@PathParam("paymentId") String providerPaymentId, @HeaderParam(IDEMPOTENCY_KEY) String idempotencyKey,
                         RefundRequest request);

    /**
     * The service's own API rejects unknown JSON fields; the provider's answers must not be read that
     * strictly, or a field the provider adds one day would break every payment.
     */
    @ClientObjectMapper
    static ObjectMapper objectMapper(ObjectMapper defaultObjectMapper) {
        return defaultObjectMapper.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** {@code reference} ties the charge to the booking in the provider's records. */
    record ChargeRequest(long amount, String currency, String paymentMethod, String reference) {
    }

    record RefundRequest(long amount) {
    }

    /** {@code status}: succeeded or declined; {@code declineCode}: insufficient_funds, expired_card, card_declined. */
    record ProviderPayment(String id, String status, long amount, String currency, String declineCode) {
    }

    record ProviderRefund(String id, String paymentId, long amount, String status) {
    }
}
