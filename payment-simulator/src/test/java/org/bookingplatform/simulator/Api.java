package org.bookingplatform.simulator;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.Map;

/** The simulator's public API as the tests use it. */
final class Api {

    private Api() {
    }

    static Map<String, Object> payment(String paymentMethod, String reference) {
        return Map.of("amount", 12_500, "currency", "EUR", "paymentMethod", paymentMethod, "reference", reference);
    }

    static ValidatableResponse charge(String idempotencyKey, Object body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body)
                .when().post("/v1/payments")
                .then();
    }

    static String chargedPaymentId(String idempotencyKey, String reference) {
        return charge(idempotencyKey, payment("pm_card_visa", reference)).statusCode(201).extract().path("id");
    }

    static ValidatableResponse refund(String paymentId, String idempotencyKey, Object body) {
        return given().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey).body(body)
                .when().post("/v1/payments/{id}/refunds", paymentId)
                .then();
    }

    static void faults(Map<String, Object> settings) {
        given().contentType(ContentType.JSON).body(settings).when().put("/admin/faults").then().statusCode(200);
    }

    static JsonPath stats() {
        return given().when().get("/admin/stats").then().statusCode(200).extract().jsonPath();
    }

    static void reset() {
        given().when().post("/admin/reset").then().statusCode(204);
    }
}
