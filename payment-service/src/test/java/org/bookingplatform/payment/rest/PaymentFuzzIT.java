package org.bookingplatform.payment.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.bookingplatform.payment.support.PaymentSimulatorResource;
import org.bookingplatform.payment.support.PaymentStore;
import org.bookingplatform.testsupport.HostileInput;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.testsupport.HostileInput.assertNoServerErrorAndProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every JSON body and query parameter of payment-service, fed generated hostile values: never a
 * 5xx, every error a problem document, and a refused request writes nothing (row counts and
 * statuses of payments, attempts, refunds, the replica and the keys are unchanged; not the
 * outbox, whose published rows the relay deletes meanwhile, and whose rows come only with a
 * payment's or refund's).
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PaymentSimulatorResource.class, restrictToAnnotatedClass = false)
class PaymentFuzzIT {

    private static final int REQUESTS_PER_ENDPOINT = 60;
    private static final String STATE = """
            SELECT (SELECT count(*) FROM payment) * 1000003 + (SELECT count(*) FROM payment WHERE status = 'AUTHORIZED') * 100003
                 + (SELECT count(*) FROM payment_attempt) * 10007 + (SELECT count(*) FROM refund) * 1009
                 + (SELECT count(*) FROM payable_booking WHERE status = 'PAYABLE') * 101
                 + (SELECT count(*) FROM idempotency_key) * 17""";

    private final UUID customer = UUID.randomUUID();
    private UUID booking;

    @BeforeEach
    void payableBookingAndNoBackgroundWork() {
        PaymentStore.awaitNothingPending();
        booking = PaymentStore.payableBooking(customer, 25_800);
    }

    @Test
    void paymentBodiesNeverFailOnTheServerNorWriteWhenRefused() {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("bookingId", HostileInput.oneOf(booking, UUID.randomUUID()));
        fields.put("paymentMethod", HostileInput.oneOf("pm_card_visa", "pm_card_insufficient_funds", "pm_"));
        for (String body : HostileInput.body(fields).sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked(body, () -> given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                    .header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/payments"));
        }
    }

    @Test
    void queryAndPathParametersNeverFailOnTheServer() {
        Map<String, Arbitrary<String>> list = new LinkedHashMap<>();
        list.put("bookingId", Arbitraries.of(booking.toString()));
        list.put("page", Arbitraries.of("0", "10000", "30000000"));
        list.put("size", Arbitraries.of("1", "100", "101"));
        for (Map<String, String> query : HostileInput.query(list).sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked(query.toString(), () -> given().auth().oauth2(TestTokens.customer(customer)).queryParams(query).get("/payments"));
            checked(query.toString(), () -> given().auth().oauth2(TestTokens.operator(customer)).queryParams(query).get("/payments"));
        }
        for (String id : HostileInput.pathText().sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked("GET /payments/" + id, () -> given().auth().oauth2(TestTokens.customer(customer)).get("/payments/{id}", id));
            checked("POST /payments/" + id + "/refund", () -> given().auth().oauth2(TestTokens.operator(UUID.randomUUID()))
                    .post("/payments/{id}/refund", id));
        }
    }

    @Test
    void tokenWhoseSubjectIsNoUserIdIsUnauthorized() {
        String notAUser = TestTokens.withSubject("service-account-partner-demo", Set.of("customer", "operator"));
        checked("GET /payments", () -> given().auth().oauth2(notAUser).get("/payments"))
                .then().statusCode(401).contentType("application/problem+json");
        checked("GET /payments/{id}", () -> given().auth().oauth2(notAUser).get("/payments/{id}", UUID.randomUUID()))
                .then().statusCode(401);
        checked("POST /payments", () -> given().auth().oauth2(notAUser).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("bookingId", booking.toString(), "paymentMethod", "pm_card_visa")).post("/payments"))
                .then().statusCode(401);
    }

    @Test
    void pageNumberWhoseOffsetOverflowsIsABadRequestNamingPage() {
        checked("page=30000000", () -> given().auth().oauth2(TestTokens.customer(customer))
                .queryParam("page", 30_000_000).queryParam("size", 100).get("/payments"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("page"));
    }

    /** Sends one request; a refused one must leave the database as it was. */
    private static Response checked(String request, Supplier<Response> send) {
        long before = PaymentStore.count(STATE);
        Response response = send.get();
        assertNoServerErrorAndProblem(response, request);
        if (response.statusCode() >= 400) {
            assertEquals(before, PaymentStore.count(STATE), () -> "refused with " + response.statusCode() + " but wrote: " + request);
        }
        return response;
    }
}
