package org.bookingplatform.payment.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.Payment;
import org.bookingplatform.payment.Refund;
import org.bookingplatform.payment.client.PaymentProvider;
import org.bookingplatform.payment.config.PaymentConfig;
import org.bookingplatform.payment.repository.PaymentRepository;
import org.bookingplatform.payment.repository.RefundRepository;
import org.bookingplatform.platform.messaging.ScheduledBatches;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Performs pending refunds with the provider, outside any transaction. A refund that was sent but
 * whose outcome was not recorded (timeout, crash) is simply sent again: its key
 * {@code refund-<paymentId>} makes the provider answer with the first refund instead of a second.
 * Safe with several replicas, as {@link PendingPaymentRecovery}. After each run the gauge
 * {@code payment.refunds.overdue} tells how many refunds have failed at least
 * {@code alert-after-attempts} times (the same figure on every replica: it is read from the database).
 */
@ApplicationScoped
public class PendingRefunds {

    private static final ScheduledBatches REFUNDS = ScheduledBatches.named("pending refunds", Logger.getLogger(PendingRefunds.class));

    private final RefundRepository refunds;
    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final Refunds outcomes;
    private final PaymentConfig config;
    private final AtomicLong overdue = new AtomicLong();

    public PendingRefunds(RefundRepository refunds, PaymentRepository payments, PaymentProvider provider, Refunds outcomes,
                          PaymentConfig config, MeterRegistry metrics) {
        this.refunds = refunds;
        this.payments = payments;
        this.provider = provider;
        this.outcomes = outcomes;
        this.config = config;
        Gauge.builder("payment.refunds.overdue", overdue, AtomicLong::get)
                .description("Pending refunds that failed at least alert-after-attempts times and wait for an operator's look")
                .register(metrics);
    }

    @Scheduled(identity = "refund-worker", every = "${payment.refunds.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> refundDue() {
        int batchSize = config.refunds().batchSize();
        return REFUNDS.run(batchSize, () -> {
                    Instant leaseUntil = Instant.now().plus(config.refunds().lease());
                    return REFUNDS.each(Panache.withTransaction(() -> leaseDue(batchSize, leaseUntil)),
                            due -> "refund " + due.refund().id + " of payment " + due.payment().id, due -> perform(due, leaseUntil));
                })
                .chain(() -> Panache.withSession(() -> refunds.countOverdue(config.refunds().alertAfterAttempts())))
                .invoke(overdue::set)
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<List<Due>> leaseDue(int batchSize, Instant leaseUntil) {
        return refunds.leaseDuePending(batchSize, leaseUntil).chain(due -> due.isEmpty()
                ? Uni.createFrom().item(List.<Due>of())
                : payments.list("id in ?1", due.stream().map(refund -> refund.paymentId).toList())
                        .map(found -> found.stream().collect(Collectors.toMap(payment -> payment.id, Function.identity())))
                        .map(byId -> due.stream().map(refund -> new Due(refund, byId.get(refund.paymentId))).toList()));
    }

    private Uni<Void> perform(Due due, Instant leaseUntil) {
        // Started only while half the lease is left, so that it ends before another replica may take the refund.
        if (Instant.now().isAfter(leaseUntil.minus(config.refunds().lease().dividedBy(2)))) {
            return Uni.createFrom().voidItem();
        }
        return provider.refund(due.payment())
                .onItemOrFailure().transformToUni((providerRefundId, failure) -> failure == null
                        ? outcomes.recordRefunded(due.refund(), providerRefundId)
                        : outcomes.recordFailure(due.refund(), failure));
    }

    private record Due(Refund refund, Payment payment) {
    }
}
