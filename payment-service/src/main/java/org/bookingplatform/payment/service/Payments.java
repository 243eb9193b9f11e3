package org.bookingplatform.payment.service;

import io.quarkus.hibernate.reactive.panache.Panache;
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
import org.bookingplatform.payment.rest.PaymentRequest;
import org.bookingplatform.platform.idempotency.Claim;
import org.bookingplatform.platform.idempotency.IdempotencyKeys;
import org.bookingplatform.platform.problem.Problem;
import org.bookingplatform.platform.problem.ProblemException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A customer pays a booking. The provider is never called inside a database transaction, so the
 * use case has three steps: (1) one transaction claims the Idempotency-Key, checks the replica
 * and records the payment PENDING; (2) the provider is called under the payment's own
 * idempotency key; (3) {@link PaymentOutcomes} records the outcome, its event and the answer to
 * replay. If the process dies or the provider does not answer between (1) and (3), the payment
 * stays PENDING and {@link PendingPaymentRecovery} finishes it with the same provider key.
 */
@ApplicationScoped
public class Payments {

    private static final Logger LOG = Logger.getLogger(Payments.class);

    private final PayableBookingRepository bookings;
    private final PaymentRepository payments;
    private final PaymentProvider provider;
    private final PaymentOutcomes outcomes;
    private final ReplicaArrival replica;
    private final IdempotencyKeys keys;
    private final PaymentConfig config;

    public Payments(PayableBookingRepository bookings, PaymentRepository payments, PaymentProvider provider,
                    PaymentOutcomes outcomes, ReplicaArrival replica, IdempotencyKeys keys, PaymentConfig config) {
        this.bookings = bookings;
        this.payments = payments;
        this.provider = provider;
        this.outcomes = outcomes;
        this.replica = replica;
        this.keys = keys;
        this.config = config;
    }

    /** Idempotency-Keys are the customer's own: another customer's key never collides. */
    static String keyScope(UUID customerId) {
        return "payments:" + customerId;
    }

    /**
     * A booking not in the replica yet is waited for (its booking.requested is usually milliseconds
     * away), outside the transaction: the refusal rolled the Idempotency-Key claim back, and no
     * connection is held while waiting. Once it has arrived, or the wait is over, step 1 runs again.
     */
    public Uni<PaymentAnswer> pay(UUID customerId, String idempotencyKey, PaymentRequest request) {
        String fingerprint = keys.fingerprint(request);
        return Panache.withTransaction(() -> open(customerId, idempotencyKey, fingerprint, request))
                .onFailure(NotKnownYet.class).recoverWithUni(() -> replica.awaitKnown(request.bookingId())
                        .chain(() -> Panache.withTransaction(() -> open(customerId, idempotencyKey, fingerprint, request))))
                .chain(opened -> opened.answer() != null ? Uni.createFrom().item(opened.answer()) : charge(opened.toCharge()));
    }

    /** Step 1, one transaction: a failure rolls the key back too, so the same request may be retried. */
    private Uni<Opened> open(UUID customerId, String idempotencyKey, String fingerprint, PaymentRequest request) {
        return keys.claim(keyScope(customerId), idempotencyKey, fingerprint).chain(claim -> {
            if (claim instanceof Claim.Fresh) {
                return start(customerId, idempotencyKey, request).map(Opened::charging);
            }
            if (claim instanceof Claim.Replay replay) {
                return Uni.createFrom().item(Opened.answered(new PaymentAnswer.Replayed(replay.status(), replay.body())));
            }
            if (claim instanceof Claim.InProgress) {
                return payments.findByIdempotencyKey(customerId, idempotencyKey)
                        .onItem().ifNull().failWith(IdempotencyKeys::inProgress)
                        .map(payment -> Opened.answered(new PaymentAnswer.Pending(payment)));
            }
            return Uni.createFrom().failure(IdempotencyKeys.reused());
        });
    }

    /**
     * The booking row stays locked until the payment is recorded: a second request for the same
     * booking under another key waits, then finds this payment PENDING and is refused, instead of
     * both passing the checks and charging the booking twice.
     */
    private Uni<Payment> start(UUID customerId, String idempotencyKey, PaymentRequest request) {
        return bookings.lock(request.bookingId()).chain(booking -> {
            if (booking == null) {
                return Uni.createFrom().failure(notKnownYet(request.bookingId()));
            }
            if (!booking.customerId.equals(customerId)) {
                return Uni.createFrom().failure(ProblemException.notFound("No booking " + request.bookingId() + "."));
            }
            return payments.liveForBooking(booking.bookingId).chain(live -> {
                ProblemException refusal = live != null ? alreadyPaying(live) : notPayable(booking);
                if (refusal != null) {
                    return Uni.createFrom().failure(refusal);
                }
                return belowDeclineLimits(booking.bookingId, customerId);
            }).chain(() -> {
                Payment payment = Payment.pending(booking.bookingId, customerId, booking.amount, booking.currency,
                        request.paymentMethod(), idempotencyKey, Instant.now().plus(config.recovery().lease()));
                return payments.persist(payment);
            });
        });
    }

    /** Steps 2 and 3. */
    private Uni<PaymentAnswer> charge(Payment payment) {
        Instant startedAt = Instant.now();
        return provider.charge(payment)
                .onFailure().recoverWithItem(ChargeOutcome::unanswered)
                .chain(outcome -> outcomes.record(payment.id, PaymentAttempt.Operation.CHARGE, outcome, startedAt))
                .map(recorded -> {
                    if (recorded.status == Payment.Status.PENDING) {
                        LOG.infof("payment %s pending: the provider did not answer; the recovery job completes it", recorded.id);
                        throw ProblemException.unavailable("The payment provider is unavailable. Payment " + recorded.id
                                + " is pending and will be completed in the background; retry with the same "
                                + IdempotencyKeys.HEADER + " to learn its outcome.", config.pendingRetryAfter());
                    }
                    return new PaymentAnswer.Charged(recorded);
                });
    }

    /**
     * Card testing: too many declined payments of this booking, or of this customer, in the window
     * refuse the next payment before the provider is called. The booking's count is exact (its
     * row is locked); the customer's may be passed by payments of other bookings at the same moment.
     */
    private Uni<Void> belowDeclineLimits(UUID bookingId, UUID customerId) {
        PaymentConfig.Declines limits = config.declines();
        Instant since = Instant.now().minus(limits.window());
        return payments.declinesOfBooking(bookingId, since).chain(ofBooking -> ofBooking.count() >= limits.maxPerBooking()
                ? Uni.createFrom().failure(tooManyDeclines("booking " + bookingId, ofBooking, limits))
                : payments.declinesOfCustomer(customerId, since).chain(ofCustomer -> ofCustomer.count() >= limits.maxPerCustomer()
                        ? Uni.createFrom().failure(tooManyDeclines("your account", ofCustomer, limits))
                        : Uni.createFrom().voidItem()));
    }

    private static ProblemException tooManyDeclines(String of, PaymentRepository.Declines declines, PaymentConfig.Declines limits) {
        // The oldest decline leaves the window first; then one more payment may be tried.
        Duration retryAfter = Duration.between(Instant.now(), declines.oldest().plus(limits.window()));
        LOG.warnf("payment refused: %d declined payments of %s within %s", declines.count(), of, limits.window());
        return new ProblemException(Problem.of(429, "Too Many Requests", "Too many declined payments of " + of
                + " recently; try again later."), retryAfter.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : retryAfter);
    }

    private ProblemException notKnownYet(UUID bookingId) {
        // booking.requested may simply not be consumed yet: pay() waits for it, then asks again.
        return new NotKnownYet(Problem.of(409, "Conflict", "Booking " + bookingId
                + " is not known to payment-service yet; retry shortly."), config.unknownBookingRetryAfter());
    }

    /** The booking is not in the replica (yet): waited for once, answered 409 after that. */
    private static final class NotKnownYet extends ProblemException {

        NotKnownYet(Problem problem, Duration retryAfter) {
            super(problem, retryAfter);
        }
    }

    private ProblemException alreadyPaying(Payment live) {
        if (live.status == Payment.Status.PENDING) {
            return new ProblemException(Problem.of(409, "Conflict", "Payment " + live.id + " of booking " + live.bookingId
                    + " is still being processed; retry shortly."), config.pendingRetryAfter());
        }
        return ProblemException.conflict("Booking " + live.bookingId + " is already paid.");
    }

    private static ProblemException notPayable(PayableBooking booking) {
        return switch (booking.status) {
            case PAYABLE -> booking.holdExpiresAt.isAfter(Instant.now()) ? null : holdExpired(booking);
            case PAID, CONFIRMED -> ProblemException.conflict("Booking " + booking.bookingId + " is already paid.");
            case EXPIRED -> holdExpired(booking);
            case CANCELLED -> ProblemException.conflict("Booking " + booking.bookingId + " was cancelled.");
            case REJECTED -> ProblemException.conflict("Booking " + booking.bookingId + " can no longer be paid.");
        };
    }

    private static ProblemException holdExpired(PayableBooking booking) {
        return ProblemException.conflict("The hold of booking " + booking.bookingId + " expired at " + booking.holdExpiresAt
                + "; it can no longer be paid.");
    }

    /** What step 1 found: an answer already (replay, still pending), or a new payment to charge. */
    private record Opened(PaymentAnswer answer, Payment toCharge) {

        static Opened answered(PaymentAnswer answer) {
            return new Opened(answer, null);
        }

        static Opened charging(Payment payment) {
            return new Opened(null, payment);
        }
    }
}
