package org.bookingplatform.payment.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.Payment;
import org.bookingplatform.payment.PaymentAttempt;
import org.bookingplatform.payment.client.ChargeOutcome;
import org.bookingplatform.payment.client.PaymentProvider;
import org.bookingplatform.payment.config.PaymentConfig;
import org.bookingplatform.payment.repository.PaymentRepository;
import org.bookingplatform.platform.messaging.ScheduledBatches;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Completes payments left PENDING (provider unavailable, breaker open, a charge slower than our
 * timeout, process stopped between recording and charging). Safe with several replicas: each run
 * leases its payments with {@code FOR UPDATE SKIP LOCKED}, and every call to the provider uses the
 * payment's own key.
 * <p>
 * The charge is always re-sent under the same key, whatever the hold and the booking: if an
 * earlier request reached the provider, the answer is its outcome (a replay, nothing charged
 * again); otherwise the payment is charged now, once. Only such an answer settles a payment. A
 * lookup that finds nothing is not one: the provider may still be processing the first request,
 * and declining then would let the customer pay again and be charged twice. A charge that lands
 * after the hold ended is authorized and published like any other; booking-service rejects it
 * ({@code booking.payment-rejected}) and it is refunded.
 * <p>
 * Without an answer the payment waits with exponential backoff, and stays PENDING for as long as
 * the provider does not answer.
 */
@ApplicationScoped
public class PendingPaymentRecovery {

    private static final ScheduledBatches RECOVERY = ScheduledBatches.named("pending payment recovery",
            Logger.getLogger(PendingPaymentRecovery.class));
    private static final Logger LOG = Logger.getLogger(PendingPaymentRecovery.class);

    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final PaymentOutcomes outcomes;
    private final PaymentConfig config;

    public PendingPaymentRecovery(PaymentRepository payments, PaymentProvider provider, PaymentOutcomes outcomes,
                                  PaymentConfig config) {
        this.payments = payments;
        this.provider = provider;
        this.outcomes = outcomes;
        this.config = config;
    }

    @Scheduled(identity = "payment-recovery", every = "${payment.recovery.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> recoverDue() {
        int batchSize = config.recovery().batchSize();
        return RECOVERY.run(batchSize, () -> {
            Instant leaseUntil = Instant.now().plus(config.recovery().lease());
            // One after the other: each outcome is recorded in its own session on this context.
            return RECOVERY.each(Panache.withTransaction(() -> payments.leaseDuePending(batchSize, leaseUntil)),
                    payment -> "pending payment " + payment.id, payment -> resolve(payment, leaseUntil));
        }).replaceWithVoid();
    }

    private Uni<Void> resolve(Payment payment, Instant leaseUntil) {
        Instant startedAt = Instant.now();
        // A call is started only while half the lease is left, so it ends (timeout and retries included)
        // before another replica may take the payment; the rest waits for the next run.
        if (startedAt.isAfter(leaseUntil.minus(config.recovery().lease().dividedBy(2)))) {
            return Uni.createFrom().voidItem();
        }
        return provider.charge(payment)
                .onFailure().recoverWithItem(ChargeOutcome::unanswered)
                .chain(outcome -> outcomes.record(payment.id, PaymentAttempt.Operation.CHARGE, outcome, startedAt))
                .invoke(recorded -> {
                    if (recorded.status != Payment.Status.PENDING) {
                        LOG.infof("pending payment %s of booking %s recovered: %s", recorded.id, recorded.bookingId, recorded.status);
                    }
                })
                .replaceWithVoid();
    }
}
