package org.bookingplatform.payment.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import org.bookingplatform.payment.support.BookingEvents;
import org.bookingplatform.payment.support.HealthyProviderTest;
import org.bookingplatform.payment.support.PaymentApi;
import org.bookingplatform.payment.support.PaymentEventsTopic;
import org.bookingplatform.payment.support.PaymentSimulatorResource;
import org.bookingplatform.payment.support.PaymentStore;
import org.bookingplatform.payment.support.Simulator;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.bookingplatform.payment.support.PaymentApi.body;
import static org.bookingplatform.payment.support.PaymentApi.pay;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The provider fails or is slow: payments wait PENDING, the breaker stops the calls, the recovery job finishes them
 * without charging twice, and a payment is settled only by the provider's answer to its charge.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PaymentSimulatorResource.class, restrictToAnnotatedClass = false)
class ProviderOutageIT extends HealthyProviderTest {

    private static final String BREAKER = "payment-provider";
    private static final Duration RECOVERY = Duration.ofSeconds(60);
    private static final Duration CHARGE_DELAY = Duration.ofSeconds(15);

    @Test
    void circuitBreakerOpensWhileTheProviderIsDownAndClosesAfterItRecovers() {
        UUID customer = UUID.randomUUID();
        simulator.faults(Map.of("down", true));
        List<UUID> bookings = new ArrayList<>();

        // Each payment fails against the provider (with its retries) until the breaker has seen enough failures.
        long requestsBefore;
        long requestsAfter;
        int payments = 0;
        do {
            requestsBefore = simulator.stats().requests();
            UUID booking = PaymentStore.payableBooking(customer, 1000);
            bookings.add(booking);
            pay(customer, booking, "pm_card_visa")
                    .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue());
            requestsAfter = simulator.stats().requests();
            payments++;
        } while (requestsAfter > requestsBefore && payments < 30);
        assertEquals(CircuitBreakerState.OPEN, circuitBreakers.currentState(BREAKER));

        // Open: requests fail fast with 503, and the provider is not called any more.
        List<UUID> whileOpen = List.of(PaymentStore.payableBooking(customer, 1000), PaymentStore.payableBooking(customer, 1000),
                PaymentStore.payableBooking(customer, 1000), PaymentStore.payableBooking(customer, 1000));
        long requestsWhileOpen = simulator.stats().requests();
        for (UUID booking : whileOpen) {
            pay(customer, booking, "pm_card_visa").then().statusCode(503).header("Retry-After", notNullValue());
        }
        assertEquals(requestsWhileOpen, simulator.stats().requests());
        bookings.addAll(whileOpen);
        assertEquals(bookings.size(), PaymentStore.count("SELECT count(*) FROM payment WHERE customer_id = ? AND status = 'PENDING'", customer));

        simulator.heal();

        // After the breaker's delay a trial call goes through, the breaker closes and the recovery job charges every pending payment once.
        await().atMost(RECOVERY).until(() -> PaymentStore.count(
                "SELECT count(*) FROM payment WHERE customer_id = ? AND status = 'AUTHORIZED'", customer) == bookings.size());
        assertEquals(CircuitBreakerState.CLOSED, circuitBreakers.currentState(BREAKER));
        UUID afterRecovery = PaymentStore.payableBooking(customer, 1000);
        pay(customer, afterRecovery, "pm_card_visa").then().statusCode(201).body("status", equalTo("AUTHORIZED"));
        Simulator.Stats stats = simulator.stats();
        assertEquals(bookings.size() + 1, stats.charges());
        assertEquals(0, stats.duplicateCharges());
    }

    @Test
    void paymentPendingDuringAnOutageIsCompletedInTheBackgroundAndItsKeyThenReplaysTheOutcome() {
        UUID customer = UUID.randomUUID();
        UUID booking = PaymentStore.payableBooking(customer, 8800);
        String key = UUID.randomUUID().toString();
        simulator.faults(Map.of("down", true));

        pay(customer, key, body(booking, "pm_card_visa"))
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("detail", containsString("pending"));
        String pendingId = pay(customer, key, body(booking, "pm_card_visa"))
                .then().statusCode(202).header("Retry-After", notNullValue()).header("Location", notNullValue())
                .body("status", equalTo("PENDING"), "amount", equalTo(8800))
                .extract().path("id");
        // A second payment of the booking under another key must wait: both could otherwise be charged.
        pay(customer, booking, "pm_card_mastercard").then().statusCode(409).header("Retry-After", notNullValue());

        simulator.heal();
        PaymentStore.awaitPaymentStatus(UUID.fromString(pendingId), "AUTHORIZED", RECOVERY);

        pay(customer, key, body(booking, "pm_card_visa"))
                .then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(pendingId), "status", equalTo("AUTHORIZED"));
        PaymentEventsTopic.await(UUID.fromString(pendingId), PaymentEventsTopic.AUTHORIZED, 1);
        assertEquals(1, simulator.stats().charges());
        assertTrue(PaymentStore.count("SELECT count(*) FROM payment_attempt WHERE payment_id = ? AND outcome = 'FAILED'",
                UUID.fromString(pendingId)) >= 1);
    }

    @Test
    void chargeWhoseAnswerWasLostIsFoundByItsKeyAndNeverChargedTwice() {
        UUID customer = UUID.randomUUID();
        UUID booking = PaymentStore.payableBooking(customer, 6100);
        // Every request reaches the provider and is charged (or replayed), then the connection drops before the answer.
        simulator.faults(Map.of("dropRate", 1.0, "phase", "after"));

        pay(customer, booking, "pm_card_visa").then().statusCode(503);
        UUID paymentId = PaymentApi.onlyPaymentOf(customer, booking);
        assertTrue(simulator.stats().chargeAttempts() > 1, "the request path retried the charge");

        simulator.heal();
        PaymentStore.awaitPaymentStatus(paymentId, "AUTHORIZED", RECOVERY);

        Simulator.Stats stats = simulator.stats();
        assertEquals(1, stats.charges());
        assertEquals(0, stats.duplicateCharges());
        String charge = simulator.paymentByKey("pay-" + paymentId).get("id").asText();
        assertEquals(1, PaymentStore.count("SELECT count(*) FROM payment WHERE id = ? AND provider_reference = ?", paymentId, charge));
    }

    @Test
    void paymentStillPendingWhenTheHoldEndsIsChargedUnderItsKeyInsteadOfDeclinedOnAGuess() {
        UUID customer = UUID.randomUUID();
        Instant holdEnds = Instant.now().plusSeconds(3);
        UUID booking = PaymentStore.payableBooking(customer, 2500, holdEnds);
        simulator.faults(Map.of("down", true));
        pay(customer, booking, "pm_card_visa").then().statusCode(503);
        UUID paymentId = PaymentApi.onlyPaymentOf(customer, booking);
        await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().isAfter(holdEnds));

        simulator.heal();
        // Only the provider's answer to the charge itself settles it; a charge after the hold is rejected by
        // booking-service and refunded (chargeFoundAfterTheHoldEnded...).
        PaymentStore.awaitPaymentStatus(paymentId, "AUTHORIZED", RECOVERY);
        assertEquals(1, simulator.stats().charges());
        assertEquals(1, PaymentStore.count("SELECT count(*) FROM payment_attempt WHERE payment_id = ? AND operation = 'CHARGE' AND outcome = 'AUTHORIZED'", paymentId));
        assertTrue(PaymentEventsTopic.collect(paymentId, PaymentEventsTopic.DECLINED, Duration.ofSeconds(2)).isEmpty());
    }

    @Test
    void chargeStillBeingProcessedWhenTheHoldRunsOutIsNeverDeclinedAndEndsAuthorizedOnce() {
        UUID customer = UUID.randomUUID();
        Instant holdEnds = Instant.now().plusSeconds(4);
        UUID booking = PaymentStore.payableBooking(customer, 3300, holdEnds);
        // Each charge takes 15 s at the provider, far past our timeout: no answer, and until the first one
        // lands a lookup by its key would say "not found".
        simulator.faults(Map.of("chargeDelayMs", CHARGE_DELAY.toMillis()));
        try {
            pay(customer, booking, "pm_card_visa").then().statusCode(503);
            UUID paymentId = PaymentApi.onlyPaymentOf(customer, booking);

            // The hold has run out and the recovery job has had its turn while the first charge is still in flight.
            await().atMost(Duration.ofSeconds(30)).until(() -> PaymentStore.count(
                    "SELECT count(*) FROM payment_attempt WHERE payment_id = ? AND started_at > ?", paymentId,
                    java.sql.Timestamp.from(holdEnds)) >= 1);
            assertEquals(1, PaymentStore.count("SELECT count(*) FROM payment WHERE id = ? AND status = 'PENDING'", paymentId));

            await().atMost(Duration.ofSeconds(30)).until(() -> simulator.paymentByKey("pay-" + paymentId) != null);
            assertEquals(1, PaymentStore.count("SELECT count(*) FROM payment WHERE id = ? AND status = 'PENDING'", paymentId));
            simulator.heal();
            PaymentStore.awaitPaymentStatus(paymentId, "AUTHORIZED", RECOVERY);

            Simulator.Stats stats = simulator.stats();
            assertEquals(1, stats.charges());
            assertEquals(0, stats.duplicateCharges());
            String charge = simulator.paymentByKey("pay-" + paymentId).get("id").asText();
            assertEquals(1, PaymentStore.count("SELECT count(*) FROM payment WHERE id = ? AND provider_reference = ?", paymentId, charge));
            assertTrue(PaymentEventsTopic.collect(paymentId, PaymentEventsTopic.DECLINED, Duration.ofSeconds(2)).isEmpty());
            PaymentEventsTopic.await(paymentId, PaymentEventsTopic.AUTHORIZED, 1);
        } finally {
            // Charges sent before the heal are still held by the provider: let them land before the next test resets it.
            simulator.heal();
            await().pollDelay(CHARGE_DELAY.plusSeconds(1)).atMost(CHARGE_DELAY.plusSeconds(2)).until(() -> true);
        }
    }

    @Test
    void chargeFoundAfterTheHoldEndedIsAuthorizedThenRefundedWhenTheBookingRejectsIt() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        BookingEvents.requested(booking, customer, 4400);
        PaymentStore.awaitReplicated(booking);
        simulator.faults(Map.of("dropRate", 1.0, "phase", "after"));
        pay(customer, booking, "pm_card_visa").then().statusCode(503);
        UUID paymentId = PaymentApi.onlyPaymentOf(customer, booking);
        BookingEvents.expired(booking, customer, 2);
        PaymentStore.awaitBookingStatus(booking, "EXPIRED");

        simulator.heal();
        // Re-sent under its key although the booking expired: the provider replays the charge it made, nothing is charged twice.
        PaymentStore.awaitPaymentStatus(paymentId, "AUTHORIZED", RECOVERY);
        assertEquals(1, PaymentStore.count("SELECT count(*) FROM payment_attempt WHERE payment_id = ? AND operation = 'CHARGE' AND outcome = 'AUTHORIZED'", paymentId));
        PaymentEventsTopic.await(paymentId, PaymentEventsTopic.AUTHORIZED, 1);

        // booking-service cannot take a payment for an expired booking: it rejects it, and the payment is refunded.
        BookingEvents.paymentRejected(booking, customer, paymentId, 3);
        PaymentStore.awaitPaymentStatus(paymentId, "REFUNDED", RECOVERY);
        JsonNode refunded = PaymentEventsTopic.data(PaymentEventsTopic.await(paymentId, PaymentEventsTopic.REFUNDED, 1).get(0));
        assertEquals("BOOKING_PAYMENT_REJECTED", refunded.get("reason").asText());
        Simulator.Stats stats = simulator.stats();
        assertEquals(1, stats.charges());
        assertEquals(1, stats.refunds());
    }
}
