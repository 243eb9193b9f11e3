package org.bookingplatform.payment.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.bookingplatform.payment.support.BookingEvents;
import org.bookingplatform.payment.support.HealthyProviderTest;
import org.bookingplatform.payment.support.PaymentSimulatorResource;
import org.bookingplatform.payment.support.PaymentStore;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.bookingplatform.payment.support.PaymentApi.pay;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A client pays the moment its hold is answered, while booking.requested is still on its way to payment-service. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PaymentSimulatorResource.class, restrictToAnnotatedClass = false)
class PayRightAfterHoldIT extends HealthyProviderTest {

    private static final int BOOKINGS = 50;

    @Test
    void fiftyBookingsPaidTheMomentTheirRequestedEventIsPublishedAreAllAcceptedNoneRefusedAsUnknown() throws Exception {
        // The consumer has joined its group and consumes (a rebalance is not what this test measures).
        UUID warmUp = UUID.randomUUID();
        BookingEvents.requested(warmUp, UUID.randomUUID(), 100);
        PaymentStore.awaitReplicated(warmUp);
        ExecutorService clients = Executors.newFixedThreadPool(BOOKINGS);
        List<CompletableFuture<Response>> answers = new ArrayList<>();
        List<UUID> bookings = new ArrayList<>();
        try {
            for (int i = 0; i < BOOKINGS; i++) {
                UUID customer = UUID.randomUUID();
                UUID booking = UUID.randomUUID();
                bookings.add(booking);
                BookingEvents.requested(booking, customer, 1000 + i);
                answers.add(CompletableFuture.supplyAsync(() -> pay(customer, booking, "pm_card_visa"), clients));
            }
            Map<Integer, Long> statuses = answers.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(Response::statusCode, Collectors.counting()));

            // Accepted: charged at once (201), or recorded and completed in the background if the provider was
            // slower than the test profile's 1 s timeout on a loaded machine (503, PENDING). Never refused.
            assertEquals(0, statuses.getOrDefault(409, 0L), "refused as unknown: " + statuses);
            assertTrue(statuses.keySet().stream().allMatch(status -> status == 201 || status == 503), "answers: " + statuses);
            await().atMost(Duration.ofSeconds(60)).until(() -> bookings.stream().allMatch(booking -> PaymentStore.count(
                    "SELECT count(*) FROM payment WHERE booking_id = ? AND status = 'AUTHORIZED'", booking) == 1));
            assertEquals(BOOKINGS, simulator.stats().charges());
            assertEquals(0, simulator.stats().duplicateCharges());
        } finally {
            clients.shutdown();
            clients.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void paymentSentBeforeItsBookingIsRequestedWaitsForTheReplicaAndIsCharged() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        // The event is published a second after the payment request has arrived: the request must wait for it.
        CompletableFuture<Void> late = CompletableFuture.runAsync(() -> {
            sleep(1000);
            BookingEvents.requested(booking, customer, 4700);
        });

        pay(customer, booking, "pm_card_visa").then().statusCode(201);

        late.join();
        assertEquals(1, PaymentStore.count("SELECT count(*) FROM payment WHERE booking_id = ? AND status = 'AUTHORIZED' AND amount = 4700",
                booking));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
