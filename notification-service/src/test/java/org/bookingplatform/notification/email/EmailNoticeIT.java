package org.bookingplatform.notification.email;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.notification.support.SmtpTestResource;
import org.bookingplatform.notification.support.TestEvents;
import org.bookingplatform.notification.support.TestSmtp;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each event kind, consumed from real Kafka, reaches the customer as an e-mail over real SMTP, in their language. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = false)
class EmailNoticeIT {

    static final TestDatabase DB = TestDatabase.of("notification_service");

    enum Kind {
        HOLD_CREATED, PAYMENT_DECLINED, BOOKING_CONFIRMED, HOLD_EXPIRED, BOOKING_CANCELLED, REFUND_ISSUED
    }

    /** kind, locale, expected subject, phrases the plain-text body must contain. */
    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(Kind.HOLD_CREATED, "en-GB", "Your booking is held", List.of("Hello Ada,", "€120.00", "(UTC)", "Pay before then")),
                Arguments.of(Kind.HOLD_CREATED, "de-DE", "Ihre Buchung ist reserviert", List.of("Hallo Ada,", "120,00", "€", "(Europe/Berlin)", "Bezahlen Sie bis dahin")),
                Arguments.of(Kind.PAYMENT_DECLINED, "en", "Your payment was declined", List.of("insufficient funds", "pay again with another card")),
                Arguments.of(Kind.PAYMENT_DECLINED, "de-AT", "Ihre Zahlung wurde abgelehnt", List.of("nicht ausreichend gedeckt", "bezahlen Sie erneut")),
                Arguments.of(Kind.BOOKING_CONFIRMED, "en-US", "Your booking is confirmed", List.of("your booking is confirmed.")),
                Arguments.of(Kind.BOOKING_CONFIRMED, "de", "Ihre Buchung ist bestätigt", List.of("Ihre Buchung ist bestätigt.")),
                Arguments.of(Kind.HOLD_EXPIRED, "en", "Your hold expired", List.of("the places were released")),
                Arguments.of(Kind.HOLD_EXPIRED, "de-CH", "Ihre Reservierung ist abgelaufen", List.of("die Plätze wurden freigegeben")),
                Arguments.of(Kind.BOOKING_CANCELLED, "en", "Your booking was cancelled", List.of("Your payment will be refunded")),
                Arguments.of(Kind.BOOKING_CANCELLED, "de", "Ihre Buchung wurde storniert", List.of("Ihre Zahlung wird erstattet")),
                Arguments.of(Kind.REFUND_ISSUED, "en", "Your refund was issued", List.of("We refunded €120.00", "The booking was cancelled.")),
                Arguments.of(Kind.REFUND_ISSUED, "de", "Ihre Erstattung wurde veranlasst", List.of("120,00", "Die Buchung wurde storniert.")));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("cases")
    void eventReachesTheCustomerAsAnEmailInTheirLanguage(Kind kind, String locale, String subject, List<String> phrases) {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        registerAndWait(customer, "Ada", locale);

        publish(kind, booking, customer, locale.startsWith("de") ? "Europe/Berlin" : null);

        String address = TestEvents.address(customer);
        await().atMost(Duration.ofSeconds(30)).until(() -> !TestSmtp.to(address).isEmpty());
        TestSmtp.Email email = TestSmtp.to(address).get(0);
        assertEquals(address, email.to());
        assertEquals(subject, email.subject());
        for (String phrase : phrases) {
            assertTrue(email.text().contains(phrase), () -> "text lacks '" + phrase + "': " + email.text());
        }
        assertTrue(email.text().contains(booking.toString()), "the text names the booking");
        assertTrue(email.html().contains("<h1") && email.html().contains(subject), () -> "html: " + email.html());
        assertTrue(email.html().contains("lang=\"" + locale.substring(0, 2) + "\""), "the html names its language");
    }

    static void registerAndWait(UUID customer, String name, String locale) {
        TestEvents.registered(customer, name, locale);
        await().atMost(Duration.ofSeconds(30)).until(() -> DB.count("SELECT count(*) FROM contact WHERE user_id = ?", customer) == 1);
    }

    static void publish(Kind kind, UUID booking, UUID customer, String timeZone) {
        UUID payment = UUID.randomUUID();
        switch (kind) {
            case HOLD_CREATED -> TestEvents.booking("booking.requested", booking, """
                    {"bookingId":"%s","version":1,"occurredAt":"%s","listingId":"%s","customerId":"%s",
                     "start":"2026-06-12T14:00:00Z","end":"2026-06-13T10:00:00Z","quantity":2,"amount":12000,"currency":"EUR",
                     "holdExpiresAt":"2026-05-04T09:30:00Z"%s}"""
                    .formatted(booking, Instant.now(), UUID.randomUUID(), customer,
                            timeZone == null ? "" : ",\"timeZone\":\"" + timeZone + "\""));
            case PAYMENT_DECLINED -> TestEvents.payment("payment.declined", payment, """
                    {"paymentId":"%s","version":1,"occurredAt":"%s","bookingId":"%s","customerId":"%s","reason":"INSUFFICIENT_FUNDS"}"""
                    .formatted(payment, Instant.now(), booking, customer));
            case BOOKING_CONFIRMED -> TestEvents.confirmed(booking, customer);
            case HOLD_EXPIRED -> TestEvents.expired(booking, customer);
            case BOOKING_CANCELLED -> TestEvents.booking("booking.cancelled", booking, """
                    {"bookingId":"%s","version":3,"occurredAt":"%s","listingId":"%s","customerId":"%s","cancelledBy":"CUSTOMER","previousStatus":"CONFIRMED"}"""
                    .formatted(booking, Instant.now(), UUID.randomUUID(), customer));
            case REFUND_ISSUED -> TestEvents.payment("payment.refunded", payment, """
                    {"paymentId":"%s","version":2,"occurredAt":"%s","bookingId":"%s","customerId":"%s","refundId":"%s",
                     "amount":12000,"currency":"EUR","reason":"BOOKING_CANCELLED"}"""
                    .formatted(payment, Instant.now(), booking, customer, UUID.randomUUID()));
        }
    }
}
