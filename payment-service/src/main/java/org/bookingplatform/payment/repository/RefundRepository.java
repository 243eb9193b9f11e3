package org.bookingplatform.payment.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.bookingplatform.payment.Refund;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class RefundRepository implements PanacheRepositoryBase<Refund, UUID> {

    /**
     * The payment's refund, recorded PENDING if there is none yet. The unique payment_id makes
     * every further request (a redelivered cancellation, a payment-rejected after a cancellation,
     * an operator's click) find the first one instead of adding a second refund.
     */
    public Uni<Refund> requestIfAbsent(UUID paymentId, Refund.Reason reason) {
        return getSession().chain(session -> session.createNativeQuery("""
                                INSERT INTO refund (id, payment_id, reason, status, next_attempt_at)
                                VALUES (?1, ?2, ?3, 'PENDING', now())
                                ON CONFLICT (payment_id) DO NOTHING""")
                        .setParameter(1, UUID.randomUUID()).setParameter(2, paymentId).setParameter(3, reason.name())
                        .executeUpdate())
                .chain(() -> forPayment(paymentId));
    }

    public Uni<Refund> forPayment(UUID paymentId) {
        return find("paymentId", paymentId).firstResult();
    }

    public Uni<Refund> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Pending refunds that failed at least {@code attempts} times: the ones an operator has been told about. */
    public Uni<Long> countOverdue(int attempts) {
        return count("status = ?1 and attempts >= ?2", Refund.Status.PENDING, attempts);
    }

    /** As {@link PaymentRepository#leaseDuePending}: replicas take different refunds, and the lease keeps them apart. */
    public Uni<List<Refund>> leaseDuePending(int limit, Instant leaseUntil) {
        return getSession().chain(session -> session.createNativeQuery("""
                                SELECT * FROM refund
                                WHERE status = 'PENDING' AND next_attempt_at <= now()
                                ORDER BY next_attempt_at
                                LIMIT ?1
                                FOR UPDATE SKIP LOCKED""", Refund.class)
                        .setParameter(1, limit)
                        .getResultList())
                .invoke(refunds -> refunds.forEach(refund -> refund.nextAttemptAt = leaseUntil));
    }
}
