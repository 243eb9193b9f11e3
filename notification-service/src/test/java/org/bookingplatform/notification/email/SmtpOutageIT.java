package org.bookingplatform.notification.email;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.notification.support.SmtpTestResource;
import org.bookingplatform.notification.support.TestEvents;
import org.bookingplatform.notification.support.TestSmtp;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** E-mail while SMTP is away, and after a dispatcher died between sending and recording it. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = false)
class SmtpOutageIT {

    private static final TestDatabase DB = TestDatabase.of("notification_service");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void emailsQueuedWhileSmtpIsDownArriveOnceEachWhenItReturns() {
        UUID customer = UUID.randomUUID();
        EmailNoticeIT.registerAndWait(customer, "Olga", "en");
        String address = TestEvents.address(customer);
        List<UUID> bookings = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        TestSmtp.stop();
        try {
            bookings.forEach(booking -> TestEvents.confirmed(booking, customer));
            // The consumer went on (every in-app notification is there) and every e-mail was tried and failed.
            await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM notification WHERE user_id = ?", customer) == 3);
            await().atMost(PATIENCE).until(() -> DB.count(
                    "SELECT count(*) FROM email_message WHERE user_id = ? AND status = 'PENDING' AND attempts >= 2 AND last_error IS NOT NULL", customer) == 3);
        } finally {
            TestSmtp.start();
        }

        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM email_message WHERE user_id = ? AND status = 'SENT'", customer) == 3);
        List<TestSmtp.Email> received = TestSmtp.to(address);
        assertEquals(3, received.size());
        Set<String> expectedIds = Set.of(
                messageIdOf(customer, 0), messageIdOf(customer, 1), messageIdOf(customer, 2));
        assertEquals(expectedIds, received.stream().map(TestSmtp.Email::messageId).collect(Collectors.toSet()));
    }

    @Test
    void emailLeftSendingByADeadDispatcherIsSentAgainWithTheSameMessageId() {
        UUID customer = UUID.randomUUID();
        EmailNoticeIT.registerAndWait(customer, "Carl", "en");
        UUID id = UUID.randomUUID();
        // As a dispatcher leaves a row when it dies after SMTP accepted the message, before SENT committed.
        DB.update("""
                INSERT INTO email_message (id, event_id, user_id, kind, facts, status, attempts, claimed_at)
                VALUES (?, ?, ?, 'BOOKING_CONFIRMED', cast(? as jsonb), 'SENDING', 1, now() - interval '1 hour')""",
                id, UUID.randomUUID(), customer, "{\"bookingId\":\"" + UUID.randomUUID() + "\"}");

        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM email_message WHERE id = ? AND status = 'SENT' AND attempts = 2", id) == 1);
        List<TestSmtp.Email> received = TestSmtp.to(TestEvents.address(customer));
        assertEquals(1, received.size());
        assertEquals("<" + id + "@notification.booking-platform>", received.get(0).messageId());
    }

    /** The Message-ID the service gives the {@code index}-th of the user's queued e-mails (ordered by row id). */
    private static String messageIdOf(UUID customer, int index) {
        try (Connection connection = DriverManager.getConnection(
                TestInfrastructure.jdbcUrl("notification_service"), "notification_service", "notification_service");
             PreparedStatement statement = connection.prepareStatement("SELECT id FROM email_message WHERE user_id = ? ORDER BY id OFFSET ? LIMIT 1")) {
            statement.setObject(1, customer);
            statement.setInt(2, index);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return "<" + rows.getString(1) + "@notification.booking-platform>";
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
