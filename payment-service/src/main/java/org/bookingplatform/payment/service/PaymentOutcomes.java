package org.bookingplatform.payment.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.Payment;
import org.bookingplatform.payment.PaymentAttempt;
import org.bookingplatform.payment.client.ChargeOutcome;
import org.bookingplatform.payment.config.PaymentConfig;
import org.bookingplatform.payment.messaging.PaymentEvents;
import org.bookingplatform.payment.repository.PayableBookingRepository;
import org.bookingplatform.payment.repository.PaymentAttemptRepository;
import org.bookingplatform.payment.repository.PaymentRepository;
import org.bookingplatform.payment.rest.PaymentView;
import org.bookingplatform.platform.idempotency.IdempotencyKeys;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;

/**
 * Records what a call to the provider taught us about a payment, in one transaction: the attempt,
 * the outcome, its event in the outbox, and the answer a retry of the client's request replays.
 * Used by the request that charged and by the recovery job alike.
 */
@ApplicationScoped
public class PaymentOutcomes {

    private static final Logger LOG = Logger.getLogger(PaymentOutcomes.class);

    static final int CREATED = 201;

    private final PaymentRepository payments;
    private final PaymentAttemptRepository attempts;
    private final PayableBookingRepository bookings;
    private final PaymentEvents events;
    private final IdempotencyKeys keys;
    private final PaymentConfig config;
    private final PaymentMetrics metrics;

    public PaymentOutcomes(PaymentRepository payments, PaymentAttemptRepository attempts, PayableBookingRepository bookings,
                           PaymentEvents events, IdempotencyKeys keys, PaymentConfig config, PaymentMetrics metrics) {
        this.payments = payments;
        this.attempts = attempts;
        this.bookings = bookings;
        this.events = events;
        this.keys = keys;
        this.config = config;
        this.metrics = metrics;
    }

    /** The payment as it is after this outcome: settled, or still PENDING with its next attempt scheduled. */
    @WithTransaction
    public Uni<Payment> record(UUID paymentId, PaymentAttempt.Operation operation, ChargeOutcome outcome, Instant startedAt) {
        return payments.lock(paymentId)
                .call(payment -> attempts.persist(attempt(paymentId, operation, outcome, startedAt)))
                .call(payment -> apply(payment, outcome));
    }

    private Uni<Void> apply(Payment payment, ChargeOutcome outcome) {
        if (payment.status != Payment.Status.PENDING) {
            // Settled first by another call under the same key, which the provider answered alike.
            if (outcome instanceof ChargeOutcome.Authorized && payment.status == Payment.Status.DECLINED) {
                LOG.errorf("payment %s is DECLINED but the provider now reports it charged (%s): reconcile it", payment.id, outcome);
            }
            return Uni.createFrom().voidItem();
        }
        if (outcome instanceof ChargeOutcome.Authorized authorized) {
            payment.authorize(authorized.providerReference());
            metrics.authorized();
            return bookings.markPaid(payment.bookingId)
                    .chain(() -> events.authorized(payment))
                    .chain(() -> storeAnswer(payment));
        }
        if (outcome instanceof ChargeOutcome.Declined declined) {
            payment.decline(declined.reason(), declined.providerReference());
            metrics.declined(declined.reason());
            return events.declined(payment).chain(() -> storeAnswer(payment));
        }
        payment.retryAt(Instant.now().plus(PaymentConfig.backoff(config.recovery().backoff(), config.recovery().maxBackoff(),
                payment.attempts + 1)));
        return Uni.createFrom().voidItem();
    }

    /**
     * Completes the client's Idempotency-Key with the outcome, so that a retry of the request
     * (also one that got a 503 while the payment was pending) now replays it.
     */
    private Uni<Void> storeAnswer(Payment payment) {
        return keys.complete(Payments.keyScope(payment.customerId), payment.idempotencyKey, CREATED, PaymentView.of(payment));
    }

    private static PaymentAttempt attempt(UUID paymentId, PaymentAttempt.Operation operation, ChargeOutcome outcome,
                                          Instant startedAt) {
        if (outcome instanceof ChargeOutcome.Authorized) {
            return PaymentAttempt.of(paymentId, operation, PaymentAttempt.Outcome.AUTHORIZED, null, startedAt);
        }
        if (outcome instanceof ChargeOutcome.Declined declined) {
            return PaymentAttempt.of(paymentId, operation, PaymentAttempt.Outcome.DECLINED, declined.reason().name(), startedAt);
        }
        return PaymentAttempt.of(paymentId, operation, PaymentAttempt.Outcome.FAILED, ((ChargeOutcome.Unanswered) outcome).detail(),
                startedAt);
    }
}
