package org.bookingplatform.simulator;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.simulator.Api.charge;
import static org.bookingplatform.simulator.Api.payment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
class PaymentsResourceTest {

    @BeforeEach
    void reset() {
        Api.reset();
    }

    @ParameterizedTest
    @ValueSource(strings = {"pm_card_visa", "pm_card_mastercard"})
    void approvedCardAnswers201WithSucceededPayment(String paymentMethod) {
        charge("key-1", payment(paymentMethod, "booking-1"))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", matchesPattern(".*/v1/payments/pay_\\w+"))
                .header("Idempotent-Replayed", nullValue())
                .body("id", matchesPattern("pay_\\w{24}"))
                .body("status", equalTo("succeeded"))
                .body("amount", equalTo(12_500))
                .body("currency", equalTo("EUR"))
                .body("declineCode", nullValue())
                .body("reference", equalTo("booking-1"))
                .body("created", matchesPattern("\\d{4}-\\d\\d-\\d\\dT.*Z"));
    }

    @ParameterizedTest
    @CsvSource({
            "pm_card_insufficient_funds, insufficient_funds",
            "pm_card_expired, expired_card",
            "pm_card_declined, card_declined"})
    void declinedCardAnswers402WithDeclineCode(String paymentMethod, String declineCode) {
        String id = charge("key-1", payment(paymentMethod, "booking-1"))
                .statusCode(402)
                .body("status", equalTo("declined"))
                .body("declineCode", equalTo(declineCode))
                .extract().path("id");

        given().when().get("/v1/payments/{id}", id).then()
                .statusCode(200)
                .body("declineCode", equalTo(declineCode));
    }

    @Test
    void sameKeySameBodyReplaysWithoutSecondCharge() {
        String id = charge("key-1", payment("pm_card_visa", "booking-1")).statusCode(201).extract().path("id");

        charge("key-1", payment("pm_card_visa", "booking-1"))
                .statusCode(200)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));

        assertEquals(1, Api.stats().getInt("charges"));
        assertEquals(2, Api.stats().getInt("chargeAttempts"));
    }

    @Test
    void replayOfDeclinedChargeIsStill402() {
        String id = charge("key-1", payment("pm_card_declined", "booking-1")).statusCode(402).extract().path("id");

        charge("key-1", payment("pm_card_declined", "booking-1"))
                .statusCode(402)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo(id));
        assertEquals(1, Api.stats().getInt("charges"));
    }

    @Test
    void sameKeyDifferentBodyIsConflict() {
        charge("key-1", payment("pm_card_visa", "booking-1")).statusCode(201);

        charge("key-1", Map.of("amount", 99, "currency", "EUR", "paymentMethod", "pm_card_visa", "reference", "booking-1"))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bookingplatform:payment-simulator:idempotency-key-reused"))
                .body("status", equalTo(409));
        assertEquals(1, Api.stats().getInt("charges"));
    }

    @Test
    void missingIdempotencyKeyIsBadRequest() {
        given().contentType(ContentType.JSON).body(payment("pm_card_visa", "booking-1"))
                .when().post("/v1/payments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bookingplatform:payment-simulator:missing-idempotency-key"));
        assertEquals(0, Api.stats().getInt("charges"));
    }

    @Test
    void unknownPaymentMethodIsBadRequest() {
        charge("key-1", payment("pm_card_amex", "booking-1"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bookingplatform:payment-simulator:invalid-payment-method"))
                .body("detail", matchesPattern(".*pm_card_amex.*"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"amount\": 12.5, \"currency\": \"EUR\", \"paymentMethod\": \"pm_card_visa\", \"reference\": \"b\"}",
            "{\"amount\": -1, \"currency\": \"EUR\", \"paymentMethod\": \"pm_card_visa\", \"reference\": \"b\"}",
            "{\"amount\": 100, \"currency\": \"eur\", \"paymentMethod\": \"pm_card_visa\", \"reference\": \"b\"}",
            "{\"amount\": 100, \"currency\": \"XYZ\", \"paymentMethod\": \"pm_card_visa\", \"reference\": \"b\"}",
            "{\"amount\": 100, \"currency\": \"EUR\", \"paymentMethod\": \"pm_card_visa\"}",
            "{\"amount\": 100, \"currency\": \"EUR\", \"paymentMethod\": \"pm_card_visa\", \"reference\": \"b\"",
            ""})
    void invalidBodyAnswersProblemJsonWithoutCharging(String body) {
        given().contentType(ContentType.JSON).header("Idempotency-Key", "key-1").body(body)
                .when().post("/v1/payments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("detail", not(matchesPattern("(?s).*(Exception|\\tat ).*")));
        assertEquals(0, Api.stats().getInt("charges"));
    }

    @Test
    void nonJsonBodyIsUnsupportedMediaType() {
        given().contentType(ContentType.TEXT).header("Idempotency-Key", "key-1").body("amount=100")
                .when().post("/v1/payments")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", equalTo("Send the request body as application/json"));
    }

    @Test
    void paymentCanBeFoundByItsIdempotencyKey() {
        String id = charge("key-1", payment("pm_card_visa", "booking-1")).statusCode(201).extract().path("id");

        given().queryParam("idempotencyKey", "key-1").when().get("/v1/payments").then()
                .statusCode(200)
                .body("id", equalTo(id));
        given().queryParam("idempotencyKey", "key-unknown").when().get("/v1/payments").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void unknownPaymentIsNotFound() {
        given().when().get("/v1/payments/{id}", "pay_missing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void successfulChargeOfAnAlreadyChargedReferenceUnderAnotherKeyCountsAsDuplicate() {
        charge("key-1", payment("pm_card_visa", "booking-1")).statusCode(201);
        charge("key-2", payment("pm_card_visa", "booking-1")).statusCode(201);

        assertEquals(2, Api.stats().getInt("charges"));
        assertEquals(1, Api.stats().getInt("duplicateCharges"));
    }

    @Test
    void retryWithNewKeyAfterDeclineIsNotADuplicate() {
        charge("key-1", payment("pm_card_insufficient_funds", "booking-1")).statusCode(402);
        charge("key-2", payment("pm_card_visa", "booking-1")).statusCode(201);

        assertEquals(2, Api.stats().getInt("charges"));
        assertEquals(0, Api.stats().getInt("duplicateCharges"));
    }
}
