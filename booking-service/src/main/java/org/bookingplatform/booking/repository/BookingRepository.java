package org.bookingplatform.booking.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.bookingplatform.booking.Booking;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class BookingRepository implements PanacheRepositoryBase<Booking, UUID> {

    /** Newest first; {@code customerId} null means every customer's (operators). */
    public Uni<List<Booking>> list(UUID customerId, Booking.Status status, Page page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (customerId != null) {
            query.append(" and customerId = :customer");
            params.and("customer", customerId);
        }
        if (status != null) {
            query.append(" and status = :status");
            params.and("status", status);
        }
        return find(query.toString(), Sort.descending("createdAt").and("id"), params).page(page).list();
    }

    /**
     * The booking, locked until the transaction ends: every change of a booking goes through this
     * lock, so its transitions, version numbers and events follow one another in order.
     */
    public Uni<Booking> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The customer's bookings that are still to come (unpaid holds, confirmed bookings not yet
     * started), locked, in id order so that two transactions never lock them crosswise.
     */
    public Uni<List<Booking>> lockUpcomingOf(UUID customerId, Instant now) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT * FROM booking
                        WHERE customer_id = :customer
                          AND (status = 'PENDING_PAYMENT' OR (status = 'CONFIRMED' AND slot_start > :now))
                        ORDER BY id
                        FOR UPDATE""", Booking.class)
                .setParameter("customer", customerId)
                .setParameter("now", now)
                .getResultList());
    }

    /**
     * Up to {@code limit} unpaid holds whose time is up, locked. SKIP LOCKED lets several
     * replicas sweep at once, each taking other rows, and never waits for a booking that a
     * payment or a cancellation is changing right now (the sweep sees it again next time).
     */
    public Uni<List<Booking>> lockExpiredHolds(Instant now, int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        SELECT * FROM booking
                        WHERE status = 'PENDING_PAYMENT' AND hold_expires_at <= :now
                        ORDER BY hold_expires_at
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", Booking.class)
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }
}
