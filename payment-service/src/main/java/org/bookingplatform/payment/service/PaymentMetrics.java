package org.bookingplatform.payment.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.Payment.DeclineReason;

import java.util.EnumMap;
import java.util.Map;

/**
 * Money in figures, every series registered at start so that a quiet one shows 0:
 * {@code payment.outcomes} by {@code outcome} (authorized, declined) and {@code reason} (the
 * decline reason, {@code none} when authorized), and {@code payment.refunds} by {@code outcome}
 * (refunded, or failed for an attempt that will be retried). Counted in the transaction that
 * records the outcome (see BookingMetrics in booking-service for why not after the commit).
 * The provider's latency and breaker come from the HTTP client and SmallRye Fault Tolerance
 * metrics ({@code http.client.requests}, {@code ft.circuitbreaker.state.current}).
 */
@ApplicationScoped
@Startup
public class PaymentMetrics {

    static final String OUTCOMES = "payment.outcomes";
    static final String REFUNDS = "payment.refunds";

    private final Counter authorized;
    private final Map<DeclineReason, Counter> declined = new EnumMap<>(DeclineReason.class);
    private final Counter refunded;
    private final Counter refundFailed;

    public PaymentMetrics(MeterRegistry registry) {
        authorized = outcome(registry, "authorized", "none");
        for (DeclineReason reason : DeclineReason.values()) {
            declined.put(reason, outcome(registry, "declined", reason.name().toLowerCase()));
        }
        refunded = refund(registry, "refunded");
        refundFailed = refund(registry, "failed");
    }

    void authorized() {
        authorized.increment();
    }

    void declined(DeclineReason reason) {
        declined.get(reason).increment();
    }

    void refunded() {
        refunded.increment();
    }

    void refundFailed() {
        refundFailed.increment();
    }

    private static Counter outcome(MeterRegistry registry, String outcome, String reason) {
        return Counter.builder(OUTCOMES)
                .description("Payments settled, by outcome and decline reason")
                .tag("outcome", outcome)
                .tag("reason", reason)
                .register(registry);
    }

    private static Counter refund(MeterRegistry registry, String outcome) {
        return Counter.builder(REFUNDS)
                .description("Refund attempts, by outcome (a failed one is retried)")
                .tag("outcome", outcome)
                .register(registry);
    }
}
