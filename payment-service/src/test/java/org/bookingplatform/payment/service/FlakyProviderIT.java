package org.bookingplatform.payment.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.payment.support.BookingEvents;
import org.bookingplatform.payment.support.HealthyProviderTest;
import org.bookingplatform.payment.support.PaymentApi;
import org.bookingplatform.payment.support.PaymentEventsTopic;
import org.bookingplatform.payment.support.PaymentSimulatorResource;
import org.bookingplatform.payment.support.PaymentStore;
import org.bookingplatform.payment.support.Simulator;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A hundred payments through a provider that fails 30% of the calls: all settle, none is charged twice. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PaymentSimulatorResource.class, restrictToAnnotatedClass = false)
class FlakyProviderIT extends HealthyProviderTest {

    private static final int PAYMENTS = 100;
    private static final long AMOUNT = 15000;

    @Test
    void hundredPaymentsThroughAFlakyProviderAllSettleWithoutADoubleCharge() throws Exception {
        UUID customer = UUID.randomUUID();
        List<UUID> bookings = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            UUID booking = UUID.randomUUID();
            bookings.add(booking);
            // Half of the bookings arrive as booking.requested events, half are put into the replica directly.
            if (i % 2 == 0) {
                BookingEvents.requested(booking, customer, AMOUNT);
            } else {
                PaymentStore.DB.update("""
                        INSERT INTO payable_booking (booking_id, customer_id, amount, currency, hold_expires_at, status)
                        VALUES (?, ?, ?, 'EUR', now() + interval '15 minutes', 'PAYABLE')""", booking, customer, AMOUNT);
            }
        }
        String ids = bookings.stream().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        await().atMost(Duration.ofSeconds(60)).until(() -> PaymentStore.count(
                "SELECT count(*) FROM payable_booking WHERE booking_id IN (" + ids + ")") == PAYMENTS);

        // Errors and timeouts (longer than the client's timeout), before or after the charge is made.
        simulator.faults(Map.of("errorRate", 0.15, "timeoutRate", 0.15, "timeoutMs", 2000, "phase", "random"));
        ExecutorService clients = Executors.newFixedThreadPool(8);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            // Every tenth card has no funds: a decline is an outcome too, and it is charged at the provider as well.
            String card = i % 10 == 0 ? "pm_card_insufficient_funds" : i % 2 == 0 ? "pm_card_visa" : "pm_card_mastercard";
            UUID booking = bookings.get(i);
            answers.add(clients.submit(() -> PaymentApi.pay(customer, booking, card).statusCode()));
        }
        Set<Integer> statuses = new HashSet<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        clients.shutdown();
        assertTrue(Set.of(201, 503).containsAll(statuses), "only outcomes or 'pending, retry later': " + statuses);

        // The recovery job settles what the requests could not, through the same flaky provider.
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1)).until(() -> PaymentStore.count(
                "SELECT count(*) FROM payment WHERE customer_id = ? AND status IN ('AUTHORIZED', 'DECLINED')", customer) == PAYMENTS);

        assertEquals(PAYMENTS, PaymentStore.count("SELECT count(DISTINCT booking_id) FROM payment WHERE customer_id = ?", customer));
        long authorized = PaymentStore.count("SELECT count(*) FROM payment WHERE customer_id = ? AND status = 'AUTHORIZED'", customer);
        long declined = PaymentStore.count(
                "SELECT count(*) FROM payment WHERE customer_id = ? AND status = 'DECLINED' AND decline_reason = 'INSUFFICIENT_FUNDS'", customer);
        assertEquals(PAYMENTS * 9 / 10, authorized);
        assertEquals(PAYMENTS / 10, declined);
        Simulator.Stats stats = simulator.stats();
        assertEquals(0, stats.duplicateCharges());
        // The provider counts declined payments among its charges: every authorized payment was charged exactly once.
        assertEquals(authorized, stats.charges() - declined);
        assertTrue(stats.chargeAttempts() > stats.charges(), "the faults made the service retry: " + stats);

        // One outcome event per payment, each valid against the contract.
        Set<String> paymentIds = paymentIdsOf(customer, bookings);
        List<ConsumerRecord<String, String>> outcomes = KafkaTestClient.await(PaymentEventsTopic.TOPIC,
                record -> paymentIds.contains(record.key()), PAYMENTS, Duration.ofSeconds(60));
        outcomes.forEach(EventContracts::assertValid);
        assertEquals(PAYMENTS, outcomes.size());
        assertEquals(paymentIds, outcomes.stream().map(ConsumerRecord::key).collect(Collectors.toSet()));
    }

    private static Set<String> paymentIdsOf(UUID customer, List<UUID> bookings) {
        return bookings.stream().map(booking -> PaymentApi.onlyPaymentOf(customer, booking).toString()).collect(Collectors.toSet());
    }
}
