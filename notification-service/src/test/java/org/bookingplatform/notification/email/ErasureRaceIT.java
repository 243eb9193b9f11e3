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
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An erasure and a notice of the same user applied at the same moment by their two consumers. The test
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
}
