package org.bookingplatform.payment.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.bookingplatform.payment.PayableBooking;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class PayableBookingRepository implements PanacheRepositoryBase<PayableBooking, UUID> {

    /** A redelivered booking.requested (or one arriving after a later event) changes nothing. */
    public Uni<Void> insertIfAbsent(UUID bookingId, UUID customerId, long amount, String currency, Instant holdExpiresAt,
                                    int version) {
        return getSession().chain(session -> session.createNativeQuery("""
                                INSERT INTO payable_booking (booking_id, customer_id, amount, currency, hold_expires_at, status, version)
                                VALUES (?1, ?2, ?3, ?4, ?5, 'PAYABLE', ?6)
                                ON CONFLICT (booking_id) DO NOTHING""")
                        .setParameter(1, bookingId).setParameter(2, customerId).setParameter(3, amount)
                        .setParameter(4, currency).setParameter(5, holdExpiresAt).setParameter(6, version)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Applies a status carried by a booking event, unless a newer event of the booking was applied already. */
    public Uni<Integer> applyStatus(UUID bookingId, int version, PayableBooking.Status status) {
        return update("status = ?1, version = ?2, updatedAt = ?3 where bookingId = ?4 and version < ?2",
                status, version, Instant.now(), bookingId);
    }

    /** Locks the booking for a payment request, so that two requests for it (different keys) run one after the other. */
    public Uni<PayableBooking> lock(UUID bookingId) {
        return findById(bookingId, LockModeType.PESSIMISTIC_WRITE);
    }

    public Uni<Integer> markPaid(UUID bookingId) {
        return update("status = ?1, updatedAt = ?2 where bookingId = ?3 and status = ?4",
                PayableBooking.Status.PAID, Instant.now(), bookingId, PayableBooking.Status.PAYABLE);
    }
}
