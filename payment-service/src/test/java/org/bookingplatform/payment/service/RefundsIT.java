package org.bookingplatform.payment.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.payment.support.BookingEvents;
import org.bookingplatform.payment.support.HealthyProviderTest;
import org.bookingplatform.payment.support.PaymentEventsTopic;
import org.bookingplatform.payment.support.PaymentSimulatorResource;
import org.bookingplatform.payment.support.PaymentStore;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.bookingplatform.payment.support.PaymentApi.pay;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Refunds as compensation: exactly one per payment, however often and by whomever it is asked for. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PaymentSimulatorResource.class, restrictToAnnotatedClass = false)
class RefundsIT extends HealthyProviderTest {

    private static final Duration REFUNDED_WITHIN = Duration.ofSeconds(60);

    @Inject
    MeterRegistry metrics;

    @Test
    void duplicateDeliveryOfBookingCancelledRefundsExactlyOnce() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        UUID paymentId = paidBooking(customer, booking, 18000);
        UUID cancellation = UUID.randomUUID();

        BookingEvents.cancelled(cancellation, booking, customer, 3, "CONFIRMED");
        BookingEvents.cancelled(cancellation, booking, customer, 3, "CONFIRMED");
        // Same key, same partition: once this later event is consumed, both copies before it were.
        UUID marker = BookingEvents.expired(booking, customer, 4);
        await().atMost(REFUNDED_WITHIN).until(() -> PaymentStore.count("SELECT count(*) FROM processed_event WHERE event_id = ?", marker) == 1);
        PaymentStore.awaitPaymentStatus(paymentId, "REFUNDED", REFUNDED_WITHIN);

        List<ConsumerRecord<String, String>> refunded = PaymentEventsTopic.collect(paymentId, PaymentEventsTopic.REFUNDED, Duration.ofSeconds(5));
        assertEquals(1, refunded.size());
        JsonNode data = PaymentEventsTopic.data(refunded.get(0));
        assertEquals("BOOKING_CANCELLED", data.get("reason").asText());
        assertEquals(18000, data.get("amount").asLong());
        assertEquals(2, data.get("version").asInt());
        assertEquals(1, PaymentStore.count("SELECT count(*) FROM refund WHERE payment_id = ? AND id = ? AND status = 'SUCCEEDED'",
                paymentId, UUID.fromString(data.get("refundId").asText())));
        assertEquals(1, PaymentStore.count("SELECT count(*) FROM processed_event WHERE event_id = ?", cancellation));
        assertEquals(1, simulator.stats().refunds());
    }

    @Test
    void cancellationAndRejectionOfTheSamePaymentEndInOneRefund() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        UUID paymentId = paidBooking(customer, booking, 5000);

        BookingEvents.cancelled(UUID.randomUUID(), booking, customer, 3, "CONFIRMED");
        BookingEvents.paymentRejected(booking, customer, paymentId, 4);
        PaymentStore.awaitPaymentStatus(paymentId, "REFUNDED", REFUNDED_WITHIN);

        assertEquals(1, PaymentEventsTopic.collect(paymentId, PaymentEventsTopic.REFUNDED, Duration.ofSeconds(5)).size());
        assertEquals(1, PaymentStore.count("SELECT count(*) FROM refund WHERE payment_id = ?", paymentId));
        assertEquals(1, simulator.stats().refunds());
    }

    /** Refunding a confirmed booking's payment alone would leave the booking CONFIRMED: operators cancel the booking instead. */
    @Test
    void paymentServiceHasNoOperatorRefundThatWouldLeaveTheBookingConfirmed() {
        UUID customer = UUID.randomUUID();
        UUID paymentId = paidBooking(customer, UUID.randomUUID(), 7500);

        given().auth().oauth2(TestTokens.operator(UUID.randomUUID())).when().post("/payments/{id}/refund", paymentId)
                .then().statusCode(404);

        assertEquals(0, PaymentStore.count("SELECT count(*) FROM refund WHERE payment_id = ?", paymentId));
        PaymentStore.awaitPaymentStatus(paymentId, "AUTHORIZED", Duration.ofSeconds(1));
        assertEquals(0, simulator.stats().refunds());
    }

    @Test
    void refundTheProviderKeepsFailingIsRetriedReportedForAnOperatorAndCompletesOnceTheProviderIsBack() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        UUID paymentId = paidBooking(customer, booking, 4200);
        double alertsBefore = overdueAlerts();
        simulator.faults(Map.of("errorRate", 1.0, "phase", "before"));

        BookingEvents.cancelled(UUID.randomUUID(), booking, customer, 3, "CONFIRMED");
        // alert-after-attempts is 3 in the test profile: reported once, then still retried.
        await().atMost(REFUNDED_WITHIN).until(() -> PaymentStore.count(
                "SELECT count(*) FROM refund WHERE payment_id = ? AND status = 'PENDING' AND attempts > 3", paymentId) == 1);
        assertEquals(alertsBefore + 1, overdueAlerts());
        await().atMost(REFUNDED_WITHIN).until(() -> overdueRefunds() >= 1);
        assertEquals(0, simulator.stats().refunds());

        simulator.heal();
        PaymentStore.awaitPaymentStatus(paymentId, "REFUNDED", REFUNDED_WITHIN);
        assertEquals(1, simulator.stats().refunds());
        assertEquals(1, PaymentEventsTopic.await(paymentId, PaymentEventsTopic.REFUNDED, 1).size());
        assertEquals(alertsBefore + 1, overdueAlerts());
        await().atMost(REFUNDED_WITHIN).until(() -> overdueRefunds() == 0);
    }

    @Test
    void refundTheProviderRefusesIsNeverGivenUpButRetriedAndReported() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        UUID paymentId = paidBooking(customer, booking, 3100);
        double alertsBefore = overdueAlerts();
        // Someone used our refund key for another amount at the provider: every refund we send is refused (409).
        String charge = simulator.paymentByKey("pay-" + paymentId).get("id").asText();
        simulator.refund(charge, "refund-" + paymentId, 100);

        try {
            BookingEvents.cancelled(UUID.randomUUID(), booking, customer, 3, "CONFIRMED");
            await().atMost(REFUNDED_WITHIN).until(() -> PaymentStore.count(
                    "SELECT count(*) FROM refund WHERE payment_id = ? AND status = 'PENDING' AND attempts > 3 AND failure LIKE 'refused%'",
                    paymentId) == 1);
            assertEquals(alertsBefore + 1, overdueAlerts());
            assertEquals(1, PaymentStore.count("SELECT count(*) FROM payment WHERE id = ? AND status = 'AUTHORIZED'", paymentId));
        } finally {
            // What an operator does after settling it with the provider by hand; no other test may find it pending.
            PaymentStore.DB.update("UPDATE refund SET status = 'SUCCEEDED' WHERE payment_id = ?", paymentId);
        }
    }

    @Test
    void refundAskedForWhileTheProviderIsDownIsPerformedOnceItIsBack() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        UUID paymentId = paidBooking(customer, booking, 6600);
        simulator.faults(Map.of("down", true));

        BookingEvents.cancelled(UUID.randomUUID(), booking, customer, 3, "CONFIRMED");
        await().atMost(REFUNDED_WITHIN).until(() -> PaymentStore.count(
                "SELECT count(*) FROM refund WHERE payment_id = ? AND status = 'PENDING' AND attempts > 0", paymentId) == 1);
        assertEquals(0, simulator.stats().refunds());

        simulator.heal();
        PaymentStore.awaitPaymentStatus(paymentId, "REFUNDED", REFUNDED_WITHIN);
        assertEquals(1, simulator.stats().refunds());
        assertEquals(1, PaymentEventsTopic.await(paymentId, PaymentEventsTopic.REFUNDED, 1).size());
    }

    private double overdueAlerts() {
        return metrics.counter("payment.refunds.overdue.alerts").count();
    }

    private double overdueRefunds() {
        return metrics.get("payment.refunds.overdue").gauge().value();
    }

    /** A booking requested through booking.events and paid through the API. */
    private static UUID paidBooking(UUID customer, UUID booking, long amount) {
        BookingEvents.requested(booking, customer, amount);
        PaymentStore.awaitReplicated(booking);
        String id = pay(customer, booking, "pm_card_visa").then().statusCode(201).body("status", equalTo("AUTHORIZED")).extract().path("id");
        return UUID.fromString(id);
    }
}
