package org.bookingplatform.notification.email;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.notification.support.SmtpTestResource;
import org.bookingplatform.notification.support.TestEvents;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Erasure meeting notices of the same user. First, an erasure and a notice applied at the same moment by their two consumers: the test
 * makes the overlap certain: it locks the e-mail queue, so that the notice stops at queueing its e-mail
 * (having read "not erased" and written its in-app notification), and lets the erasure run into it too
 * before it lets both go on. Without an order between the two the erasure would delete what it could see
 * and commit, and the notice's notification and e-mail would outlive it.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = false)
class ErasureRaceIT {

    private static final TestDatabase DB = TestDatabase.of("notification_service");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String WAITING = "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
            + " AND wait_event_type = 'Lock' AND pid <> pg_backend_pid() AND (";
    private static final String NOTICE_WAITING = WAITING + "query ILIKE '%insert into email_message%')";
    /** At the e-mail queue as well, or (once erasure and notices are ordered) at the user's lock. */
    private static final String ERASURE_WAITING = WAITING + "query ILIKE '%delete from email_message%' OR query ILIKE '%pg_advisory_xact_lock%')";

    @Test
    void aNoticeAppliedWhileTheUserIsErasedLeavesNothingOfThem() throws Exception {
        UUID user = UUID.randomUUID();
        EmailNoticeIT.registerAndWait(user, "Racer", "en");

        UUID notice;
        UUID erasure;
        try (Connection lock = DB.connect(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.execute("LOCK TABLE email_message IN ACCESS EXCLUSIVE MODE");
            notice = TestEvents.confirmed(UUID.randomUUID(), user);
            await().atMost(PATIENCE).until(() -> DB.count(NOTICE_WAITING) == 1);
            erasure = TestEvents.erased(user, 2);
            await().atMost(PATIENCE).until(() -> DB.count(ERASURE_WAITING) == 1);
            lock.commit();
        }

        UUID applied = notice;
        UUID erased = erasure;
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM processed_event WHERE event_id IN (?, ?)"
                + " AND consumer IN ('notification-service.user-events', 'notification-service.booking-events')", applied, erased) == 2);
        assertEquals(0, DB.count("SELECT count(*) FROM email_message WHERE user_id = ?", user), "an e-mail queued after the erasure");
        assertEquals(0, DB.count("SELECT count(*) FROM notification WHERE user_id = ?", user), "a notification kept after the erasure");
        assertEquals(0, DB.count("SELECT count(*) FROM contact WHERE user_id = ?", user));
    }

    /**
     * Then booking-service's cancellations of an erasure, which come on booking.events and may overtake user.erased
     * on user.events: they say so (customerErased), and the customer is forgotten at once and told nothing.
     */
    @Test
    void aCancellationOfTheErasureThatOvertakesUserErasedTellsNobodyAndForgetsTheCustomer() {
        UUID user = UUID.randomUUID();
        EmailNoticeIT.registerAndWait(user, "Overtaken", "en");
        UUID booking = UUID.randomUUID();
        UUID cancelled = TestEvents.booking("booking.cancelled", booking, """
                {"bookingId":"%s","version":3,"occurredAt":"%s","listingId":"%s","customerId":"%s",
                 "cancelledBy":"CUSTOMER","previousStatus":"CONFIRMED","customerErased":true}"""
                .formatted(booking, Instant.now(), UUID.randomUUID(), user));
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM processed_event WHERE event_id = ?"
                + " AND consumer = 'notification-service.booking-events'", cancelled) == 1);

        assertEquals(1, DB.count("SELECT count(*) FROM erased_user WHERE user_id = ?", user));
        assertEquals(0, DB.count("SELECT count(*) FROM contact WHERE user_id = ?", user));
        assertEquals(0, DB.count("SELECT count(*) FROM notification WHERE user_id = ?", user));
        assertEquals(0, DB.count("SELECT count(*) FROM email_message WHERE user_id = ?", user));
        // The refund that follows, and user.erased when it comes, tell nobody either.
        UUID refunded = TestEvents.payment("payment.refunded", UUID.randomUUID(), """
                {"paymentId":"%s","version":3,"occurredAt":"%s","bookingId":"%s","customerId":"%s","refundId":"%s","amount":12000,"currency":"EUR",
                 "reason":"BOOKING_CANCELLED"}""".formatted(UUID.randomUUID(), Instant.now(), booking, user, UUID.randomUUID()));
        UUID erased = TestEvents.erased(user, 2);
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM processed_event WHERE event_id IN (?, ?)"
                + " AND consumer IN ('notification-service.user-events', 'notification-service.payment-events')", refunded, erased) == 2);
        assertEquals(0, DB.count("SELECT count(*) FROM email_message WHERE user_id = ?", user));
        assertEquals(0, DB.count("SELECT count(*) FROM notification WHERE user_id = ?", user));
    }
}
