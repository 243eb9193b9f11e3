package org.bookingplatform.payment.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.Payment;
import org.bookingplatform.payment.Refund;
import org.bookingplatform.payment.client.ChargeOutcome;
import org.bookingplatform.payment.client.ProviderRejectedException;
import org.bookingplatform.payment.config.PaymentConfig;
import org.bookingplatform.payment.messaging.PaymentEvents;
import org.bookingplatform.payment.repository.PaymentRepository;
import org.bookingplatform.payment.repository.RefundRepository;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Refunds as compensation. Asking for a refund only records an intent (PENDING, at most one per
 * payment) in the transaction of whoever asks; {@link PendingRefunds} performs it with the
 * provider, and the outcome is recorded here. Locks are always taken payment first, then refund.
 */
@ApplicationScoped
public class Refunds {

    private static final Logger LOG = Logger.getLogger(Refunds.class);

    private final PaymentRepository payments;
    private final RefundRepository refunds;
    private final PaymentEvents events;
    private final PaymentConfig config;
    private final Counter overdueAlerts;
    private final PaymentMetrics outcomes;

    public Refunds(PaymentRepository payments, RefundRepository refunds, PaymentEvents events, PaymentConfig config,
                   MeterRegistry metrics, PaymentMetrics outcomes) {
        this.payments = payments;
        this.refunds = refunds;
        this.events = events;
        this.config = config;
        this.outcomes = outcomes;
        this.overdueAlerts = Counter.builder("payment.refunds.overdue.alerts")
                .description("Refunds reported for an operator after failing alert-after-attempts times")
                .register(metrics);
    }

    /** In the consumer's transaction: a cancelled booking that was paid is refunded. */
    public Uni<Void> forCancelledBooking(UUID bookingId) {
        return payments.authorizedForBooking(bookingId).chain(payment -> payment == null
                ? Uni.createFrom().voidItem()
                : refunds.requestIfAbsent(payment.id, Refund.Reason.BOOKING_CANCELLED).replaceWithVoid());
    }

    /** In the consumer's transaction: booking-service could not take the payment (expired or cancelled booking). */
    public Uni<Void> forRejectedPayment(UUID paymentId) {
        return payments.findById(paymentId).chain(payment -> {
            if (payment == null || payment.status == Payment.Status.PENDING || payment.status == Payment.Status.DECLINED) {
                LOG.warnf("booking.payment-rejected for payment %s, which is %s here: nothing to refund", paymentId,
                        payment == null ? "unknown" : payment.status);
                return Uni.createFrom().voidItem();
            }
            return refunds.requestIfAbsent(paymentId, Refund.Reason.BOOKING_PAYMENT_REJECTED).replaceWithVoid();
        });
    }

    /** The provider refunded: the payment is REFUNDED and payment.refunded goes out, once. */
    @WithTransaction
    public Uni<Void> recordRefunded(Refund leased, String providerRefundId) {
        return payments.lock(leased.paymentId).chain(payment -> refunds.lock(leased.id).chain(refund -> {
            if (refund.status != Refund.Status.PENDING) {
                return Uni.createFrom().voidItem();
            }
            refund.succeeded(providerRefundId);
            payment.refunded();
            outcomes.refunded();
            return events.refunded(payment, refund);
        }));
    }

    /**
     * No refund this time: retried later with the same key, whether the provider was away or
     * refused it (a refusal may be a passing state on its side, and the key makes a retry safe).
     * Money owed to a customer is never given up on: after {@code alert-after-attempts} failures
     * the refund is reported once for an operator (ERROR with the ids, counter
     * {@code payment.refunds.overdue.alerts}; the gauge {@code payment.refunds.overdue} counts them)
     * and keeps being retried, so it completes by itself once the cause is fixed.
     */
    @WithTransaction
    public Uni<Void> recordFailure(Refund leased, Throwable failure) {
        return payments.lock(leased.paymentId).chain(payment -> refunds.lock(leased.id).invoke(refund -> {
            if (refund.status != Refund.Status.PENDING) {
                return;
            }
            outcomes.refundFailed();
            String why = failure instanceof ProviderRejectedException ? "refused: " + failure.getMessage() : ChargeOutcome.describe(failure);
            refund.retryAt(Instant.now().plus(PaymentConfig.backoff(config.refunds().backoff(), config.refunds().maxBackoff(),
                    refund.attempts + 1)), why);
            if (refund.attempts == config.refunds().alertAfterAttempts()) {
                overdueAlerts.increment();
                LOG.errorf("refund %s of payment %s (booking %s, customer %s, %d %s) failed %d times, an operator must look at it;"
                                + " still retried, next at %s: %s", refund.id, payment.id, payment.bookingId, payment.customerId,
                        payment.amount, payment.currency, refund.attempts, refund.nextAttemptAt, why);
            } else {
                LOG.infof("refund %s of payment %s not performed yet (%s); next attempt at %s", refund.id, payment.id, why,
                        refund.nextAttemptAt);
            }
        })).replaceWithVoid();
    }
}
