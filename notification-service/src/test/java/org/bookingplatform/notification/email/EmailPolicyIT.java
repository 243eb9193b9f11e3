package org.bookingplatform.notification.email;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.notification.support.SmtpTestResource;
import org.bookingplatform.notification.support.TestEvents;
import org.bookingplatform.notification.support.TestSmtp;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who is not e-mailed, and how often an event is. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = false)
class EmailPolicyIT {

    private static final TestDatabase DB = TestDatabase.of("notification_service");
    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final String NO_CONFIRMATIONS = """
            {"holdCreated":true,"paymentDeclined":true,"confirmed":false,"expired":true,"cancelled":true,"refunded":true}""";

    @Test
    void userWithEmailNotificationsOffIsToldInTheAppButNotByEmail() {
        UUID quiet = UUID.randomUUID();
        TestEvents.registered(quiet, "Quinn", "en");
        TestEvents.updated(quiet, 2, "Quinn", "en", false);
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM contact WHERE user_id = ? AND version = 2 AND NOT email_notifications", quiet) == 1);
        UUID booking = UUID.randomUUID();
        TestEvents.confirmed(booking, quiet);

        // A marker behind it: once the next e-mail was sent, the quiet user's would have been too.
        UUID marker = UUID.randomUUID();
        EmailNoticeIT.registerAndWait(marker, "Mark", "en");
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM notification WHERE booking_id = ?", booking) == 1);
        TestEvents.confirmed(UUID.randomUUID(), marker);
        await().atMost(PATIENCE).until(() -> !TestSmtp.to(TestEvents.address(marker)).isEmpty());

        assertEquals(0, DB.count("SELECT count(*) FROM email_message WHERE user_id = ?", quiet));
        assertTrue(TestSmtp.to(TestEvents.address(quiet)).isEmpty());
    }

    @Test
    void userWhoSwitchedOffOnlyConfirmationsGetsTheHoldEmailButNotTheConfirmation() {
        UUID picky = UUID.randomUUID();
        TestEvents.registered(picky, "Pia", "en");
        TestEvents.updated(picky, 2, "Pia", true, NO_CONFIRMATIONS);
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM contact WHERE user_id = ? AND version = 2 AND email_notifications", picky) == 1);
        UUID booking = UUID.randomUUID();
        EmailNoticeIT.publish(EmailNoticeIT.Kind.HOLD_CREATED, booking, picky, null);
        TestEvents.confirmed(booking, picky);

        // A marker behind it: once the next e-mail was sent, a confirmation for the picky user would have been too.
        UUID marker = UUID.randomUUID();
        EmailNoticeIT.registerAndWait(marker, "Mark", "en");
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM notification WHERE booking_id = ?", booking) == 2);
        TestEvents.confirmed(UUID.randomUUID(), marker);
        await().atMost(PATIENCE).until(() -> !TestSmtp.to(TestEvents.address(marker)).isEmpty());

        List<String> subjects = TestSmtp.to(TestEvents.address(picky)).stream().map(TestSmtp.Email::subject).toList();
        assertEquals(List.of("Your booking is held"), subjects);
        assertEquals(1, DB.count("SELECT count(*) FROM email_message WHERE user_id = ?", picky), "the confirmation is not even queued");
    }

    @Test
    void confirmationQueuedBeforeTheContactArrivedIsSkippedWhenTheContactSwitchedItOff() {
        UUID late = UUID.randomUUID();
        UUID confirmed = TestEvents.confirmed(UUID.randomUUID(), late);
        // Queued without a contact: the dispatcher waits for one and decides when it sends.
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM email_message WHERE event_id = ?", confirmed) == 1);
        TestEvents.registeredWithPreferences(late, "Lee", NO_CONFIRMATIONS);

        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM email_message WHERE event_id = ? AND status = 'SKIPPED'", confirmed) == 1);
        assertTrue(TestSmtp.to(TestEvents.address(late)).isEmpty());
    }

    @Test
    void erasedUserIsForgottenAndNeverNotifiedAgain() {
        UUID gone = UUID.randomUUID();
        EmailNoticeIT.registerAndWait(gone, "Gone", "de");
        TestEvents.confirmed(UUID.randomUUID(), gone);
        await().atMost(PATIENCE).until(() -> TestSmtp.to(TestEvents.address(gone)).size() == 1);

        UUID erasure = TestEvents.erased(gone, 2);
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM processed_event WHERE event_id = ?", erasure) == 1);
        assertEquals(0, DB.count("SELECT count(*) FROM contact WHERE user_id = ?", gone));
        assertEquals(0, DB.count("SELECT count(*) FROM notification WHERE user_id = ?", gone));
        assertEquals(0, DB.count("SELECT count(*) FROM email_message WHERE user_id = ?", gone));

        // A replayed registration does not bring the contact back; a later event is consumed and tells nobody.
        UUID replay = TestEvents.registered(gone, "Gone", "de");
        UUID booking = UUID.randomUUID();
        UUID late = TestEvents.confirmed(booking, gone);
        // The booking event is also processed by the webhook consumer: count the two that notify customers.
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM processed_event WHERE event_id IN (?, ?)"
                + " AND consumer IN ('notification-service.user-events', 'notification-service.booking-events')", replay, late) == 2);
        assertEquals(0, DB.count("SELECT count(*) FROM contact WHERE user_id = ?", gone));
        assertEquals(0, DB.count("SELECT count(*) FROM notification WHERE user_id = ?", gone));
        assertEquals(0, DB.count("SELECT count(*) FROM email_message WHERE user_id = ?", gone));
        UUID marker = UUID.randomUUID();
        EmailNoticeIT.registerAndWait(marker, "Mark", "en");
        TestEvents.confirmed(UUID.randomUUID(), marker);
        await().atMost(PATIENCE).until(() -> !TestSmtp.to(TestEvents.address(marker)).isEmpty());
        assertEquals(1, TestSmtp.to(TestEvents.address(gone)).size(), "only the e-mail from before the erasure");
    }

    @Test
    void olderProfileVersionNeverOverwritesANewerOne() {
        UUID user = UUID.randomUUID();
        EmailNoticeIT.registerAndWait(user, "First", null);
        assertEquals(1, DB.count("SELECT count(*) FROM contact WHERE user_id = ? AND locale IS NULL AND email_notifications", user),
                "a registration without locale or preference is kept with English and e-mail on");
        TestEvents.updated(user, 3, "Newest", "de", true);
        UUID stale = TestEvents.updated(user, 2, "Stale", "en", false);
        await().atMost(PATIENCE).until(() -> DB.count("SELECT count(*) FROM processed_event WHERE event_id = ?", stale) == 1);

        assertEquals(1, DB.count("SELECT count(*) FROM contact WHERE user_id = ? AND version = 3 AND display_name = 'Newest' AND locale = 'de' AND email_notifications", user));
    }

    @Test
    void eventDeliveredTwiceIsEmailedOnce() {
        UUID customer = UUID.randomUUID();
        EmailNoticeIT.registerAndWait(customer, "Dee", "en");
        UUID booking = UUID.randomUUID();
        UUID confirmed = TestEvents.confirmed(booking, customer);
        TestEvents.publish(confirmed, "booking.events", "org.bookingplatform.booking.confirmed", "/booking-service", booking, """
                {"bookingId":"%s","version":2,"occurredAt":"2026-05-04T09:17:42Z","listingId":"%s","customerId":"%s","paymentId":"%s"}"""
                .formatted(booking, UUID.randomUUID(), customer, UUID.randomUUID()));
        // The marker is behind the duplicate on the same key (partition): when its e-mail arrives,
        // the duplicate was consumed, and its e-mail, had it been queued, sent before the marker's.
        TestEvents.expired(booking, customer);
        String address = TestEvents.address(customer);
        await().atMost(PATIENCE).until(() -> TestSmtp.to(address).stream().anyMatch(email -> email.subject().equals("Your hold expired")));

        List<TestSmtp.Email> confirmations = TestSmtp.to(address).stream()
                .filter(email -> email.subject().equals("Your booking is confirmed")).toList();
        assertEquals(1, confirmations.size());
        assertEquals(1, DB.count("SELECT count(*) FROM email_message WHERE event_id = ?", confirmed));
        assertEquals(2, DB.count("SELECT count(*) FROM notification WHERE booking_id = ?", booking));
    }
}
