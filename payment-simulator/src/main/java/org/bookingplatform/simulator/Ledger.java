package org.bookingplatform.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated processor's books: payments, refunds and the idempotency keys that produced them.
 * Writes are synchronized because each is a check-then-act (is this key known? is enough left to refund?)
 * that concurrent retries must not interleave; reads go straight to the concurrent maps.
 */
@ApplicationScoped
public class Ledger {

    private record Charge(PaymentRequest request, Payment payment) {
    }

    private record RefundEntry(String paymentId, RefundRequest request, Refund refund) {
    }

    private final Map<String, Charge> chargesByKey = new ConcurrentHashMap<>();
    private final Map<String, Payment> paymentsById = new ConcurrentHashMap<>();
    private final Set<String> chargedReferences = ConcurrentHashMap.newKeySet();
    private final Map<String, RefundEntry> refundsByKey = new ConcurrentHashMap<>();
    private final Map<String, Long> refundedByPayment = new ConcurrentHashMap<>();
    private final Counters counters;

    public Ledger(Counters counters) {
        this.counters = counters;
    }

    public synchronized Idempotent<Payment> charge(String idempotencyKey, PaymentRequest request) {
        Charge earlier = chargesByKey.get(idempotencyKey);
        if (earlier != null) {
            if (!earlier.request().equals(request)) {
                throw ProblemException.idempotencyKeyReused(idempotencyKey);
            }
            return Idempotent.replayed(earlier.payment());
        }
        TestCard card = TestCard.forPaymentMethod(request.paymentMethod());
        Payment payment = new Payment(newId("pay_"), card.status(), request.amount(), request.currency(),
                card.declineCode(), request.reference(), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        chargesByKey.put(idempotencyKey, new Charge(request, payment));
        paymentsById.put(payment.id(), payment);
        counters.chargeCreated();
        if (payment.succeeded() && !chargedReferences.add(payment.reference())) {
            counters.duplicateChargeCreated();
        }
        return Idempotent.created(payment);
    }

    public synchronized Idempotent<Refund> refund(String paymentId, String idempotencyKey, RefundRequest request) {
        RefundEntry earlier = refundsByKey.get(idempotencyKey);
        if (earlier != null) {
            if (!earlier.paymentId().equals(paymentId) || !earlier.request().equals(request)) {
                throw ProblemException.idempotencyKeyReused(idempotencyKey);
            }
            return Idempotent.replayed(earlier.refund());
        }
        Payment payment = payment(paymentId);
        if (!payment.succeeded()) {
            throw ProblemException.refundNotAllowed("Payment " + paymentId + " was declined; there is nothing to refund");
        }
        long remaining = payment.amount() - refundedByPayment.getOrDefault(paymentId, 0L);
        if (remaining == 0) {
            throw ProblemException.refundNotAllowed("Payment " + paymentId + " is already fully refunded");
        }
        long amount = request.amount() == null ? remaining : request.amount();
        if (amount > remaining) {
            throw ProblemException.refundNotAllowed(
                    "Refund of " + amount + " exceeds the " + remaining + " left to refund on payment " + paymentId);
        }
        Refund refund = Refund.succeeded(newId("re_"), paymentId, amount);
        refundsByKey.put(idempotencyKey, new RefundEntry(paymentId, request, refund));
        refundedByPayment.merge(paymentId, amount, Long::sum);
        counters.refundCreated();
        return Idempotent.created(refund);
    }

    public Payment payment(String paymentId) {
        return Optional.ofNullable(paymentsById.get(paymentId))
                .orElseThrow(() -> ProblemException.notFound("No payment with id " + paymentId));
    }

    /** Lets a client whose request timed out learn whether the charge happened. */
    public Payment paymentByIdempotencyKey(String idempotencyKey) {
        return Optional.ofNullable(chargesByKey.get(idempotencyKey))
                .map(Charge::payment)
                .orElseThrow(() -> ProblemException.notFound("No payment was created with Idempotency-Key " + idempotencyKey));
    }

    public synchronized void clear() {
        chargesByKey.clear();
        paymentsById.clear();
        chargedReferences.clear();
        refundsByKey.clear();
        refundedByPayment.clear();
    }

    private static String newId(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
    }
}
