package org.bookingplatform.simulator;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.simulator.Api.charge;
import static org.bookingplatform.simulator.Api.chargedPaymentId;
import static org.bookingplatform.simulator.Api.payment;
import static org.bookingplatform.simulator.Api.refund;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminResourceTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @Test
    void statsCountChargesAttemptsRefundsAndRequests() {
        String paymentId = chargedPaymentId("key-1", "booking-1");
        charge("key-1", payment("pm_card_visa", "booking-1")).statusCode(200);
        charge("key-2", payment("pm_card_declined", "booking-2")).statusCode(402);
        charge("key-3", payment("pm_card_unknown", "booking-3")).statusCode(400);
        refund(paymentId, "refund-1", Map.of("amount", 100)).statusCode(201);
        refund(paymentId, "refund-1", Map.of("amount", 100)).statusCode(200);
        given().when().get("/v1/payments/{id}", paymentId).then().statusCode(200);

        JsonPath stats = Api.stats();

        assertEquals(2, stats.getInt("charges"));
        assertEquals(4, stats.getInt("chargeAttempts"));
        assertEquals(0, stats.getInt("duplicateCharges"));
        assertEquals(1, stats.getInt("refunds"));
        assertEquals(7, stats.getInt("requests"));
    }

    @Test
    void resetClearsPaymentsStatsAndFaults() {
        String paymentId = chargedPaymentId("key-1", "booking-1");
        Api.faults(Map.of("errorRate", 1.0));

        Api.reset();

        given().when().get("/admin/faults").then().body("errorRate", equalTo(0.0f)).body("down", equalTo(false));
        assertEquals(0, Api.stats().getInt("charges"));
        assertEquals(0, Api.stats().getInt("requests"));
        given().when().get("/v1/payments/{id}", paymentId).then().statusCode(404);
        charge("key-1", payment("pm_card_mastercard", "booking-9")).statusCode(201);
    }

    @Test
    void faultSettingsAreEchoedWithDefaultsFilledIn() {
        Api.faults(Map.of("errorRate", 0.25));

        given().when().get("/admin/faults").then()
                .body("errorRate", equalTo(0.25f))
                .body("phase", equalTo("random"))
                .body("timeoutMs", equalTo(10_000))
                .body("down", equalTo(false));
    }
}
