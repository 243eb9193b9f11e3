package org.bookingplatform.payment.service;

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
import org.bookingplatform.platform.problem.ProblemException;
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

    public Refunds(PaymentRepository payments, RefundRepository refunds, PaymentEvents events, PaymentConfig config) {
        this.payments = payments;
        this.refunds = refunds;
        this.events = events;
        this.config = config;
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

    /** An operator refunds a payment; asking again answers the refund already requested. */
    @WithTransaction
    public Uni<Refund> requestByOperator(UUID paymentId) {
        return payments.lock(paymentId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No payment " + paymentId + "."))
                .chain(payment -> refunds.forPayment(paymentId).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(existing);
                    }
                    if (payment.status != Payment.Status.AUTHORIZED) {
                        return Uni.createFrom().failure(ProblemException.conflict(
                                "Payment " + paymentId + " is " + payment.status + "; only an authorized payment can be refunded."));
                    }
                    return refunds.requestIfAbsent(paymentId, Refund.Reason.OPERATOR_REQUEST);
                }));
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
            return events.refunded(payment, refund);
        }));
    }

    /** No refund: retried later with the same key, or failed for good when the provider refuses it. */
    @WithTransaction
    public Uni<Void> recordFailure(Refund leased, Throwable failure) {
        return payments.lock(leased.paymentId).chain(payment -> refunds.lock(leased.id).invoke(refund -> {
            if (refund.status != Refund.Status.PENDING) {
                return;
            }
            if (failure instanceof ProviderRejectedException) {
                LOG.errorf("refund %s of payment %s refused by the provider, an operator must look at it: %s", refund.id,
                        refund.paymentId, failure.getMessage());
                refund.failed(failure.getMessage());
                return;
            }
            refund.retryAt(Instant.now().plus(PaymentConfig.backoff(config.refunds().backoff(), config.refunds().maxBackoff(),
                    refund.attempts + 1)));
            LOG.infof("refund %s not performed yet (%s); next attempt at %s", refund.id, ChargeOutcome.describe(failure),
                    refund.nextAttemptAt);
        })).replaceWithVoid();
    }
}
