package org.bookingplatform.payment.service;

import com.fasterxml.jackson.databind.JsonNode;
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
    void everyWayOfAskingForTheSameRefundEndsInOneRefund() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        UUID paymentId = paidBooking(customer, booking, 5000);

        // A cancellation, then booking-service's rejection of the same payment, and an operator's click: one refund.
        BookingEvents.cancelled(UUID.randomUUID(), booking, customer, 3, "CONFIRMED");
        BookingEvents.paymentRejected(booking, customer, paymentId, 4);
        PaymentStore.awaitPaymentStatus(paymentId, "REFUNDED", REFUNDED_WITHIN);
        given().auth().oauth2(TestTokens.operator(UUID.randomUUID()))
                .when().post("/payments/{id}/refund", paymentId)
                .then().statusCode(200).body("status", equalTo("SUCCEEDED"), "reason", equalTo("BOOKING_CANCELLED"));

        assertEquals(1, PaymentEventsTopic.collect(paymentId, PaymentEventsTopic.REFUNDED, Duration.ofSeconds(5)).size());
        assertEquals(1, simulator.stats().refunds());
    }

    @Test
    void operatorRefundsAnAuthorizedPayment() {
        UUID customer = UUID.randomUUID();
        UUID paymentId = paidBooking(customer, UUID.randomUUID(), 7500);
        String operator = TestTokens.operator(UUID.randomUUID());

        String refundId = given().auth().oauth2(operator).when().post("/payments/{id}/refund", paymentId)
                .then().statusCode(202).body("status", equalTo("PENDING"), "reason", equalTo("OPERATOR_REQUEST"))
                .extract().path("id");
        PaymentStore.awaitPaymentStatus(paymentId, "REFUNDED", REFUNDED_WITHIN);
        given().auth().oauth2(operator).when().post("/payments/{id}/refund", paymentId)
                .then().statusCode(200).body("id", equalTo(refundId), "status", equalTo("SUCCEEDED"));

        JsonNode data = PaymentEventsTopic.data(PaymentEventsTopic.await(paymentId, PaymentEventsTopic.REFUNDED, 1).get(0));
        assertEquals("OPERATOR_REQUEST", data.get("reason").asText());
        assertEquals(refundId, data.get("refundId").asText());
        assertEquals(1, simulator.stats().refunds());
    }

    @Test
    void onlyAnAuthorizedPaymentOfAnOperatorsChoiceCanBeRefunded() {
        UUID customer = UUID.randomUUID();
        UUID booking = PaymentStore.payableBooking(customer, 3000);
        String declined = pay(customer, booking, "pm_card_declined").then().statusCode(201).extract().path("id");
        String operator = TestTokens.operator(UUID.randomUUID());

        given().auth().oauth2(operator).when().post("/payments/{id}/refund", declined)
                .then().statusCode(409).contentType("application/problem+json");
        given().auth().oauth2(operator).when().post("/payments/{id}/refund", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.customer(customer)).when().post("/payments/{id}/refund", declined)
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, PaymentStore.count("SELECT count(*) FROM refund WHERE payment_id = ?", UUID.fromString(declined)));
        assertEquals(0, simulator.stats().refunds());
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

    /** A booking requested through booking.events and paid through the API. */
    private static UUID paidBooking(UUID customer, UUID booking, long amount) {
        BookingEvents.requested(booking, customer, amount);
        PaymentStore.awaitReplicated(booking);
        String id = pay(customer, booking, "pm_card_visa").then().statusCode(201).body("status", equalTo("AUTHORIZED")).extract().path("id");
        return UUID.fromString(id);
    }
}
