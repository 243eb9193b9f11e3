package org.bookingplatform.payment.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.PayableBooking;
import org.bookingplatform.payment.Payment;
import org.bookingplatform.payment.PaymentAttempt;
import org.bookingplatform.payment.client.ChargeOutcome;
import org.bookingplatform.payment.client.PaymentProvider;
import org.bookingplatform.payment.config.PaymentConfig;
import org.bookingplatform.payment.repository.PayableBookingRepository;
import org.bookingplatform.payment.repository.PaymentRepository;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Completes payments left PENDING (provider unavailable, breaker open, process stopped between
 * recording and charging). Safe with several replicas: each run leases its payments with
 * {@code FOR UPDATE SKIP LOCKED}, and every call to the provider uses the payment's own key.
 * <ul>
 * <li>While the hold has time left, the charge is re-sent under the same key: if an earlier
 * request reached the provider, the answer is its outcome (a replay, nothing charged again);
 * otherwise the payment is charged now, once.</li>
 * <li>Once the hold is (nearly) over, or the booking is expired, cancelled or rejected, the
 * payment is only looked up by its key, never charged: found, it takes that outcome (an
 * authorization after expiry is then rejected by booking-service and refunded); not found, it is
 * declined with PROVIDER_ERROR.</li>
 * </ul>
 * Without an answer the payment waits with exponential backoff, and stays PENDING for as long as
 * the provider cannot say what happened: it is never declined while it might have been charged.
 */
@ApplicationScoped
public class PendingPaymentRecovery {

    private static final Logger LOG = Logger.getLogger(PendingPaymentRecovery.class);

    private final PaymentRepository payments;
    private final PayableBookingRepository bookings;
    private final PaymentProvider provider;
    private final PaymentOutcomes outcomes;
    private final PaymentConfig config;

    public PendingPaymentRecovery(PaymentRepository payments, PayableBookingRepository bookings, PaymentProvider provider,
                                  PaymentOutcomes outcomes, PaymentConfig config) {
        this.payments = payments;
        this.bookings = bookings;
        this.provider = provider;
        this.outcomes = outcomes;
        this.config = config;
    }

    @Scheduled(identity = "payment-recovery", every = "${payment.recovery.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> recoverDue() {
        Instant leaseUntil = Instant.now().plus(config.recovery().lease());
        return Panache.withTransaction(() -> leaseDue(leaseUntil))
                // One after the other: each outcome is recorded in its own session on this context.
                .onItem().transformToMulti(due -> Multi.createFrom().iterable(due))
                .onItem().transformToUniAndConcatenate(due -> resolve(due, leaseUntil))
                .collect().last()
                .onFailure().invoke(failure -> LOG.warnf("pending payments not recovered, retrying on the next run: %s", failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<List<Due>> leaseDue(Instant leaseUntil) {
        return payments.leaseDuePending(config.recovery().batchSize(), leaseUntil).chain(due -> due.isEmpty()
                ? Uni.createFrom().item(List.<Due>of())
                : bookings.list("bookingId in ?1", due.stream().map(payment -> payment.bookingId).toList())
                        .map(found -> found.stream().collect(Collectors.toMap(booking -> booking.bookingId, Function.identity())))
                        .map(byId -> due.stream().map(payment -> new Due(payment, byId.get(payment.bookingId))).toList()));
    }

    private Uni<Void> resolve(Due due, Instant leaseUntil) {
        Duration lease = config.recovery().lease();
        Instant startedAt = Instant.now();
        // A call is started only while half the lease is left, so it ends (timeout and retries included)
        // before another replica may take the payment; the rest waits for the next run.
        if (startedAt.isAfter(leaseUntil.minus(lease.dividedBy(2)))) {
            return Uni.createFrom().voidItem();
        }
        Payment payment = due.payment();
        // Charged again only if the charge lands well within the hold: once another run has looked the
        // payment up and declined it, no charge of ours may still be on its way.
        boolean mayCharge = due.booking() != null && due.booking().payableFor(lease);
        Uni<ChargeOutcome> call = mayCharge ? provider.charge(payment) : provider.lookup(payment);
        return call.onFailure().recoverWithItem(ChargeOutcome::unanswered)
                .chain(outcome -> outcomes.record(payment.id,
                        mayCharge ? PaymentAttempt.Operation.CHARGE : PaymentAttempt.Operation.LOOKUP, outcome, startedAt))
                .invoke(recorded -> {
                    if (recorded.status != Payment.Status.PENDING) {
                        LOG.infof("pending payment %s recovered: %s", recorded.id, recorded.status);
                    }
                })
                // One payment's failure must not hold back the rest of the batch; its lease ends and it is retried.
                .onFailure().invoke(failure -> LOG.warnf("pending payment %s not recovered: %s", payment.id, failure.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private record Due(Payment payment, PayableBooking booking) {
    }
}
