package org.bookingplatform.payment.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.payment.support.HealthyProviderTest;
import org.bookingplatform.payment.support.PaymentSimulatorResource;
import org.bookingplatform.payment.support.PaymentStore;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.bookingplatform.payment.support.PaymentApi.pay;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Card testing: declined payments are limited per booking (5) and per customer (20) within an hour. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PaymentSimulatorResource.class, restrictToAnnotatedClass = false)
class DeclineLimitsIT extends HealthyProviderTest {

    private static final String DECLINED_CARD = "pm_card_insufficient_funds";

    @Test
    void afterFiveDeclinedPaymentsOfABookingTheNextIsRefusedWith429AndRetryAfterWithoutCallingTheProvider() {
        UUID customer = UUID.randomUUID();
        UUID booking = PaymentStore.payableBooking(customer, 1500);
        declineTimes(customer, booking, 5);
        long attempts = simulator.stats().chargeAttempts();

        String retryAfter = pay(customer, booking, "pm_card_visa")
                .then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .extract().header("Retry-After");

        long seconds = Long.parseLong(retryAfter);
        assertTrue(seconds > 3500 && seconds <= 3600, "Retry-After " + retryAfter + " is about when the oldest decline leaves the hour");
        assertEquals(attempts, simulator.stats().chargeAttempts());
        assertEquals(5, PaymentStore.count("SELECT count(*) FROM payment WHERE booking_id = ?", booking));
    }

    @Test
    void aCustomerWithTwentyDeclinedPaymentsWithinTheHourIsRefusedOnAnyBooking() {
        UUID customer = UUID.randomUUID();
        for (int i = 0; i < 4; i++) {
            declineTimes(customer, PaymentStore.payableBooking(customer, 1500), 5);
        }
        UUID fresh = PaymentStore.payableBooking(customer, 1500);
        long attempts = simulator.stats().chargeAttempts();

        pay(customer, fresh, "pm_card_visa").then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());

        assertEquals(attempts, simulator.stats().chargeAttempts());
        assertEquals(0, PaymentStore.count("SELECT count(*) FROM payment WHERE booking_id = ?", fresh));
        // Another customer is not affected.
        UUID other = UUID.randomUUID();
        pay(other, PaymentStore.payableBooking(other, 1500), "pm_card_visa").then().statusCode(201);
    }

    @Test
    void declinesOlderThanTheWindowNoLongerCount() {
        UUID customer = UUID.randomUUID();
        UUID booking = PaymentStore.payableBooking(customer, 1500);
        declineTimes(customer, booking, 5);
        PaymentStore.DB.update("UPDATE payment SET created_at = created_at - interval '61 minutes' WHERE booking_id = ?", booking);

        // Accepted, not refused: charged at once, or (provider slower than the test's 1 s timeout) completed in the background.
        int status = pay(customer, booking, "pm_card_visa").statusCode();
        assertTrue(status == 201 || status == 503, "answered " + status);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                PaymentStore.count("SELECT count(*) FROM payment WHERE booking_id = ? AND status = 'AUTHORIZED'", booking) == 1);
    }

    /** Declined at once (201), or completed as declined in the background when the provider was slower than the test's timeout (503). */
    private static void declineTimes(UUID customer, UUID booking, int times) {
        long before = declined(booking);
        for (int i = 1; i <= times; i++) {
            int status = pay(customer, booking, DECLINED_CARD).statusCode();
            assertTrue(status == 201 || status == 503, "answered " + status);
            long expected = before + i;
            await().atMost(Duration.ofSeconds(60)).until(() -> declined(booking) == expected);
        }
    }

    private static long declined(UUID booking) {
        return PaymentStore.count("SELECT count(*) FROM payment WHERE booking_id = ? AND status = 'DECLINED'", booking);
    }
}
