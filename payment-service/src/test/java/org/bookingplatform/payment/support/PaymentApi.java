package org.bookingplatform.payment.support;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.bookingplatform.testsupport.TestTokens;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The payment endpoints as a client calls them. */
public final class PaymentApi {

    private PaymentApi() {
    }

    public static Map<String, Object> body(UUID bookingId, String paymentMethod) {
        return Map.of("bookingId", bookingId.toString(), "paymentMethod", paymentMethod);
    }

    public static Response pay(UUID customerId, String idempotencyKey, Object body) {
        return given().auth().oauth2(TestTokens.customer(customerId))
                .header("Idempotency-Key", idempotencyKey)
                .contentType(ContentType.JSON).body(body)
                .when().post("/payments");
    }

    public static Response pay(UUID customerId, UUID bookingId, String paymentMethod) {
        return pay(customerId, UUID.randomUUID().toString(), body(bookingId, paymentMethod));
    }

    /** The id of the one payment of the booking, read through the API as its customer. */
    public static UUID onlyPaymentOf(UUID customerId, UUID bookingId) {
        List<String> ids = given().auth().oauth2(TestTokens.customer(customerId)).queryParam("bookingId", bookingId)
                .when().get("/payments")
                .then().statusCode(200).extract().path("items.id");
        if (ids.size() != 1) {
            throw new AssertionError("expected one payment of booking " + bookingId + ", found " + ids);
        }
        return UUID.fromString(ids.get(0));
    }

    public static Response get(UUID viewerId, UUID paymentId) {
        return given().auth().oauth2(TestTokens.customer(viewerId)).when().get("/payments/{id}", paymentId);
    }
}
