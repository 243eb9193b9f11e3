package org.bookingplatform.simulator;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.simulator.Api.charge;
import static org.bookingplatform.simulator.Api.chargedPaymentId;
import static org.bookingplatform.simulator.Api.payment;
import static org.bookingplatform.simulator.Api.refund;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RefundsTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void refundWithoutAmountRefundsTheFullAmount() {
        String paymentId = chargedPaymentId("key-1", "booking-1");

        given().contentType(ContentType.JSON).header("Idempotency-Key", "refund-1")
                .when().post("/v1/payments/{id}/refunds", paymentId)
                .then()
                .statusCode(201)
                .body("id", matchesPattern("re_\\w{24}"))
                .body("paymentId", equalTo(paymentId))
                .body("amount", equalTo(12_500))
                .body("status", equalTo("succeeded"));
    }

    @Test
    void refundTwiceWithSameKeyRefundsOnce() {
        String paymentId = chargedPaymentId("key-1", "booking-1");
        String refundId = refund(paymentId, "refund-1", Map.of("amount", 5_000)).statusCode(201).extract().path("id");

        refund(paymentId, "refund-1", Map.of("amount", 5_000))
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(refundId));

        assertEquals(1, Api.stats().getInt("refunds"));
        refund(paymentId, "refund-2", Map.of()).statusCode(201).body("amount", equalTo(7_500));
    }

    @Test
    void refundKeyReusedWithDifferentAmountIsConflict() {
        String paymentId = chargedPaymentId("key-1", "booking-1");
        refund(paymentId, "refund-1", Map.of("amount", 5_000)).statusCode(201);

        refund(paymentId, "refund-1", Map.of("amount", 6_000))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bookingplatform:payment-simulator:idempotency-key-reused"));
    }

    @Test
    void refundExceedingRemainingAmountIsConflict() {
        String paymentId = chargedPaymentId("key-1", "booking-1");
        refund(paymentId, "refund-1", Map.of("amount", 10_000)).statusCode(201);

        refund(paymentId, "refund-2", Map.of("amount", 2_501))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bookingplatform:payment-simulator:refund-not-allowed"));
        assertEquals(1, Api.stats().getInt("refunds"));
    }

    @Test
    void refundOfFullyRefundedPaymentIsConflict() {
        String paymentId = chargedPaymentId("key-1", "booking-1");
        refund(paymentId, "refund-1", Map.of()).statusCode(201);

        refund(paymentId, "refund-2", Map.of()).statusCode(409);
    }

    @Test
    void refundOfDeclinedPaymentIsConflict() {
        String paymentId = charge("key-1", payment("pm_card_declined", "booking-1")).statusCode(402).extract().path("id");

        refund(paymentId, "refund-1", Map.of())
                .statusCode(409)
                .body("type", equalTo("urn:bookingplatform:payment-simulator:refund-not-allowed"));
        assertEquals(0, Api.stats().getInt("refunds"));
    }

    @Test
    void refundOfUnknownPaymentIsNotFound() {
        refund("pay_missing", "refund-1", Map.of()).statusCode(404).contentType("application/problem+json");
    }

    @Test
    void refundWithoutIdempotencyKeyIsBadRequest() {
        String paymentId = chargedPaymentId("key-1", "booking-1");

        given().contentType(ContentType.JSON).body(Map.of()).when().post("/v1/payments/{id}/refunds", paymentId).then()
                .statusCode(400)
                .body("type", equalTo("urn:bookingplatform:payment-simulator:missing-idempotency-key"));
    }

    @Test
    void nonPositiveRefundAmountIsBadRequest() {
        String paymentId = chargedPaymentId("key-1", "booking-1");

        refund(paymentId, "refund-1", Map.of("amount", 0)).statusCode(400).contentType("application/problem+json");
    }
}
