package org.bookingplatform.payment.support;

import org.bookingplatform.testsupport.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** payment-service's own database, for arranging the replica directly and asserting what was written. */
public final class PaymentStore {

    public static final TestDatabase DB = TestDatabase.of("payment_service");

    private PaymentStore() {
    }

    /** A payable booking in the replica, as if its booking.requested had been consumed. */
    public static UUID payableBooking(UUID customerId, long amount, Instant holdExpiresAt) {
        UUID bookingId = UUID.randomUUID();
        DB.update("""
                INSERT INTO payable_booking (booking_id, customer_id, amount, currency, hold_expires_at, status)
                VALUES (?, ?, ?, 'EUR', ?, 'PAYABLE')""", bookingId, customerId, amount, java.sql.Timestamp.from(holdExpiresAt));
        return bookingId;
    }

    public static UUID payableBooking(UUID customerId, long amount) {
        return payableBooking(customerId, amount, Instant.now().plus(Duration.ofMinutes(15)));
    }

    /** Waits until the consumer has applied booking.requested of the booking. */
    public static void awaitReplicated(UUID bookingId) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> DB.count("SELECT count(*) FROM payable_booking WHERE booking_id = ?", bookingId) == 1);
    }

    public static void awaitBookingStatus(UUID bookingId, String status) {
        await().atMost(Duration.ofSeconds(60))
                .until(() -> DB.count("SELECT count(*) FROM payable_booking WHERE booking_id = ? AND status = ?", bookingId, status) == 1);
    }

    public static long count(String sql, Object... params) {
        return DB.count(sql, params);
    }

    public static void awaitPaymentStatus(UUID paymentId, String status, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200))
                .until(() -> DB.count("SELECT count(*) FROM payment WHERE id = ? AND status = ?", paymentId, status) == 1);
    }

    /**
     * Waits until no payment or refund is left pending by an earlier test: the background jobs
     * would otherwise call the simulator while this test counts its calls.
     */
    public static void awaitNothingPending() {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250))
                .until(() -> DB.count("SELECT count(*) FROM payment WHERE status = 'PENDING'") == 0
                        && DB.count("SELECT count(*) FROM refund WHERE status = 'PENDING'") == 0);
    }
}
