package org.bookingplatform.payment.client;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.bookingplatform.payment.Payment;
import org.bookingplatform.payment.Payment.DeclineReason;
import org.bookingplatform.payment.client.ProviderClient.ChargeRequest;
import org.bookingplatform.payment.client.ProviderClient.ProviderPayment;
import org.bookingplatform.payment.client.ProviderClient.ProviderRefund;
import org.bookingplatform.payment.client.ProviderClient.RefundRequest;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.function.Function;

/**
 * The payment provider as payment-service sees it: charge and refund, each under
 * an idempotency key derived from our payment id and guarded by {@link ProviderGuard}. Turns the
 * provider's answers into outcomes: a decline is an outcome; 5xx, 408, 429 and lost connections
 * are {@link ProviderUnavailableException}s (retried, counted by the circuit breaker); other 4xx
 * are {@link ProviderRejectedException}s.
 */
@ApplicationScoped
public class PaymentProvider {

    private final ProviderClient client;
    private final ProviderGuard guard;

    public PaymentProvider(@RestClient ProviderClient client, ProviderGuard guard) {
        this.client = client;
        this.guard = guard;
    }

    /**
     * Charges the payment, or learns the outcome of the charge already made under its key: the
     * body is rebuilt from the stored payment, identical on every resend, as the provider requires
     * for a replay.
     */
    public Uni<ChargeOutcome> charge(Payment payment) {
        ChargeRequest request = new ChargeRequest(payment.amount, payment.currency, payment.paymentMethod,
                payment.bookingId.toString());
        return guard.call(() -> call(client.charge(payment.providerKey(), request), PaymentProvider::chargeAnswer));
    }

    /** Refunds the whole payment; the provider's refund id. */
    public Uni<String> refund(Payment payment) {
        return guard.call(() -> call(client.refund(payment.providerReference, payment.refundKey(), new RefundRequest(payment.amount)),
                PaymentProvider::refundAnswer));
    }

    private static <T> Uni<T> call(Uni<Response> request, Function<Response, T> answer) {
        return request
                .onFailure(failure -> !(failure instanceof ProviderRejectedException || failure instanceof ProviderUnavailableException))
                .transform(ProviderUnavailableException::new)
                .map(answer);
    }

    private static ChargeOutcome chargeAnswer(Response response) {
        return switch (response.getStatus()) {
            case 200, 201, 402 -> outcomeOf(response.readEntity(ProviderPayment.class));
            // Refused before any charge (an unknown payment method, say): final, and nothing was taken.
            case 400 -> new ChargeOutcome.Declined(DeclineReason.PROVIDER_ERROR, null);
            default -> throw failure(response);
        };
    }

    private static String refundAnswer(Response response) {
        return switch (response.getStatus()) {
            case 200, 201 -> response.readEntity(ProviderRefund.class).id();
            default -> throw failure(response);
        };
    }

    private static ChargeOutcome outcomeOf(ProviderPayment payment) {
        return switch (payment.status()) {
            case "succeeded" -> new ChargeOutcome.Authorized(payment.id());
            case "declined" -> new ChargeOutcome.Declined(reasonOf(payment.declineCode()), payment.id());
            // A state we do not know (still processing, say) is not an outcome yet: ask again later.
            default -> throw new ProviderUnavailableException("payment " + payment.id() + " is " + payment.status());
        };
    }

    private static DeclineReason reasonOf(String declineCode) {
        if ("insufficient_funds".equals(declineCode)) {
            return DeclineReason.INSUFFICIENT_FUNDS;
        }
        if ("expired_card".equals(declineCode)) {
            return DeclineReason.CARD_EXPIRED;
        }
        return DeclineReason.CARD_DECLINED;
    }

    private static RuntimeException failure(Response response) {
        int status = response.getStatus();
        if (status >= 500 || status == 408 || status == 429) {
            return new ProviderUnavailableException("payment provider answered " + status);
        }
        return new ProviderRejectedException(status, response.readEntity(String.class));
    }
}
