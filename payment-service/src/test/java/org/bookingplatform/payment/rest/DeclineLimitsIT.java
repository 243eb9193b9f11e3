package org.bookingplatform.payment.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.payment.support.HealthyProviderTest;
import org.bookingplatform.payment.support.PaymentSimulatorResource;
import org.bookingplatform.payment.support.PaymentStore;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

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

        pay(customer, booking, "pm_card_visa").then().statusCode(201).body("status", equalTo("AUTHORIZED"));
    }

    private static void declineTimes(UUID customer, UUID booking, int times) {
        for (int i = 0; i < times; i++) {
            pay(customer, booking, DECLINED_CARD).then().statusCode(201).body("status", equalTo("DECLINED"));
        }
    }
}
