package org.bookingplatform.payment.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.Payment;
import org.bookingplatform.payment.config.PaymentConfig;
import org.bookingplatform.payment.repository.PaymentRepository;
import org.bookingplatform.platform.messaging.ScheduledBatches;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The safety net of money: an AUTHORIZED payment whose booking neither confirmed it
 * (booking.confirmed) nor rejected it (booking.payment-rejected) within
 * {@code payment.unconfirmed.after} means the saga is stuck somewhere (an event dead-lettered,
 * a consumer down). Such a payment is reported once, with its ids, at ERROR and in the counter
 * {@code payment.unconfirmed.alerts}; the gauge {@code payment.unconfirmed} counts those still
 * unresolved. It is not refunded automatically: only booking-service knows whether the booking
 * holds the units (a refund of a booking that is, or is about to be, CONFIRMED would give it away
 * for free), and an operator resolves it there (cancelling the booking refunds the payment).
 */
@ApplicationScoped
public class UnconfirmedPayments {

    private static final Logger LOG = Logger.getLogger(UnconfirmedPayments.class);
    private static final ScheduledBatches NET = ScheduledBatches.named("unconfirmed payments", LOG);

    private final PaymentRepository payments;
    private final PaymentConfig config;
    private final Counter alerts;
    private final AtomicLong unresolved = new AtomicLong();

    public UnconfirmedPayments(PaymentRepository payments, PaymentConfig config, MeterRegistry metrics) {
        this.payments = payments;
        this.config = config;
        this.alerts = Counter.builder("payment.unconfirmed.alerts")
                .description("Authorized payments reported because their booking neither confirmed nor rejected them in time")
                .register(metrics);
        Gauge.builder("payment.unconfirmed", unresolved, AtomicLong::get)
                .description("Authorized payments whose booking has neither confirmed nor rejected them in time")
                .register(metrics);
    }

    @Scheduled(identity = "payment-unconfirmed", every = "${payment.unconfirmed.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> reportOverdue() {
        int batchSize = config.unconfirmed().batchSize();
        return NET.run(batchSize, () -> Panache.withTransaction(() -> payments.leaseUnconfirmed(batchSize,
                        Instant.now().minus(config.unconfirmed().after())).invoke(found -> found.forEach(this::report)))
                        .map(found -> found.size()))
                .chain(() -> Panache.withSession(() -> payments.countUnconfirmed(Instant.now().minus(config.unconfirmed().after()))))
                .invoke(unresolved::set)
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private void report(Payment payment) {
        alerts.increment();
        LOG.errorf("payment %s of booking %s (customer %s, %d %s) was authorized at %s and booking-service has neither"
                        + " confirmed nor rejected it: check the booking in booking-service (cancel it to refund the payment)",
                payment.id, payment.bookingId, payment.customerId, payment.amount, payment.currency, payment.updatedAt);
    }
}
