package org.bookingplatform.payment.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.bookingplatform.payment.Payment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    /** Oldest first; {@code customerId} null means every customer's (operators). */
    public Uni<List<Payment>> list(UUID customerId, UUID bookingId, Page page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (customerId != null) {
            query.append(" and customerId = :customer");
            params.and("customer", customerId);
        }
        if (bookingId != null) {
            query.append(" and bookingId = :booking");
            params.and("booking", bookingId);
        }
        return find(query.toString(), Sort.by("createdAt").and("id"), params).page(page).list();
    }

    /**
     * The payment, locked until the end of the transaction: whoever records an outcome (the
     * request, a recovery run, a refund) holds it, so outcomes and their events apply one at a time.
     */
    public Uni<Payment> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Payment> findByIdempotencyKey(UUID customerId, String idempotencyKey) {
        return find("customerId = ?1 and idempotencyKey = ?2", customerId, idempotencyKey).firstResult();
    }

    /** The booking's payment that is or may still become a charge (at most one, by a unique index), or null. */
    public Uni<Payment> liveForBooking(UUID bookingId) {
        return find("bookingId = ?1 and status in ?2", bookingId,
                List.of(Payment.Status.PENDING, Payment.Status.AUTHORIZED, Payment.Status.REFUNDED)).firstResult();
    }

    /** Declined payments created since {@code since}, and the oldest one's time (null if none). */
    public record Declines(long count, Instant oldest) {
    }

    public Uni<Declines> declinesOfBooking(UUID bookingId, Instant since) {
        return declines("bookingId = ?1", bookingId, since);
    }

    public Uni<Declines> declinesOfCustomer(UUID customerId, Instant since) {
        return declines("customerId = ?1", customerId, since);
    }

    private Uni<Declines> declines(String whose, UUID id, Instant since) {
        return getSession().chain(session -> session.createSelectionQuery(
                                "select count(*), min(createdAt) from Payment where " + whose + " and status = ?2 and createdAt > ?3",
                                Object[].class)
                        .setParameter(1, id).setParameter(2, Payment.Status.DECLINED).setParameter(3, since)
                        .getSingleResult())
                .map(row -> new Declines((Long) row[0], (Instant) row[1]));
    }

    public Uni<Payment> authorizedForBooking(UUID bookingId) {
        return find("bookingId = ?1 and status = ?2", bookingId, Payment.Status.AUTHORIZED).firstResult();
    }

    /**
     * Authorized before {@code before} and neither confirmed nor rejected (nor cancelled) by the
     * booking, not reported yet: marks them reported, so each is reported once, by one replica.
     */
    public Uni<List<Payment>> leaseUnconfirmed(int limit, Instant before) {
        return getSession().chain(session -> session.createNativeQuery("""
                                SELECT p.* FROM payment p JOIN payable_booking b ON b.booking_id = p.booking_id
                                WHERE p.status = 'AUTHORIZED' AND p.unconfirmed_reported_at IS NULL AND p.updated_at < ?1
                                  AND b.status NOT IN ('CONFIRMED', 'REJECTED', 'CANCELLED')
                                ORDER BY p.updated_at
                                LIMIT ?2
                                FOR UPDATE OF p SKIP LOCKED""", Payment.class)
                        .setParameter(1, before).setParameter(2, limit)
                        .getResultList())
                .invoke(found -> found.forEach(Payment::reportedUnconfirmed));
    }

    /** Reported as unconfirmed and still neither confirmed nor rejected. */
    public Uni<Long> countUnconfirmed(Instant before) {
        return getSession().chain(session -> session.createNativeQuery("""
                                SELECT count(*) FROM payment p JOIN payable_booking b ON b.booking_id = p.booking_id
                                WHERE p.status = 'AUTHORIZED' AND p.updated_at < ?1
                                  AND b.status NOT IN ('CONFIRMED', 'REJECTED', 'CANCELLED')""", Long.class)
                        .setParameter(1, before)
                        .getSingleResult());
    }

    /**
     * Takes up to {@code limit} pending payments that are due and leases them until
     * {@code leaseUntil}. SKIP LOCKED lets replicas running the job at the same moment take
     * different payments instead of waiting for each other; the lease (a later next_attempt_at,
     * committed with this transaction) keeps them apart afterwards, while the provider is called
     * outside any transaction.
     */
    public Uni<List<Payment>> leaseDuePending(int limit, Instant leaseUntil) {
        return getSession().chain(session -> session.createNativeQuery("""
                                SELECT * FROM payment
                                WHERE status = 'PENDING' AND next_attempt_at <= now()
                                ORDER BY next_attempt_at
                                LIMIT ?1
                                FOR UPDATE SKIP LOCKED""", Payment.class)
                        .setParameter(1, limit)
                        .getResultList())
                .invoke(payments -> payments.forEach(payment -> payment.nextAttemptAt = leaseUntil));
    }
}
