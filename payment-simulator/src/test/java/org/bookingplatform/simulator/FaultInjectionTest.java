package org.bookingplatform.simulator;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.simulator.Api.charge;
import static org.bookingplatform.simulator.Api.faults;
import static org.bookingplatform.simulator.Api.payment;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FaultInjectionTest {

    private static final String VISA_BODY =
            "{\"amount\": 12500, \"currency\": \"EUR\", \"paymentMethod\": \"pm_card_visa\", \"reference\": \"booking-1\"}";

    @TestHTTPResource("/v1/payments")
    URI paymentsUri;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    @AfterEach
    void reset() {
        Api.reset();
    }

    @Test
    void faultBeforeChargeChargesNothing() {
        faults(Map.of("errorRate", 1.0, "phase", "before"));

        charge("key-1", payment("pm_card_visa", "booking-1"))
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:bookingplatform:payment-simulator:injected-error"));

        assertEquals(0, Api.stats().getInt("charges"));
        Api.faults(Map.of());
        given().queryParam("idempotencyKey", "key-1").when().get("/v1/payments").then().statusCode(404);
    }

    @Test
    void faultAfterChargeStillRecordsTheCharge() {
        faults(Map.of("errorRate", 1.0, "phase", "after"));

        charge("key-1", payment("pm_card_visa", "booking-1")).statusCode(500);

        assertEquals(1, Api.stats().getInt("charges"));
        Api.faults(Map.of());
        given().queryParam("idempotencyKey", "key-1").when().get("/v1/payments").then()
                .statusCode(200)
                .body("status", equalTo("succeeded"));
    }

    @Test
    void retryWithSameKeyAfterFaultChargesExactlyOnce() {
        faults(Map.of("errorRate", 1.0, "phase", "after"));
        charge("key-1", payment("pm_card_visa", "booking-1")).statusCode(500);
        Api.faults(Map.of());

        charge("key-1", payment("pm_card_visa", "booking-1")).statusCode(200).header("Idempotent-Replayed", "true");

        assertEquals(1, Api.stats().getInt("charges"));
        assertEquals(0, Api.stats().getInt("duplicateCharges"));
    }

    @Test
    void retryWithNewKeyAfterFaultIsCountedAsDuplicateCharge() {
        faults(Map.of("errorRate", 1.0, "phase", "after"));
        charge("key-1", payment("pm_card_visa", "booking-1")).statusCode(500);
        Api.faults(Map.of());

        charge("key-2", payment("pm_card_visa", "booking-1")).statusCode(201);

        assertEquals(1, Api.stats().getInt("duplicateCharges"));
    }

    @Test
    void dropClosesConnectionWithoutAnswer() {
        faults(Map.of("dropRate", 1.0, "phase", "before"));

        assertThrows(IOException.class, () -> http.send(postVisaCharge("key-1").build(), HttpResponse.BodyHandlers.ofString()));

        assertEquals(1, Api.stats().getInt("chargeAttempts"));
        assertEquals(0, Api.stats().getInt("charges"));
    }

    @Test
    void dropAfterChargeLeavesAChargeTheClientCanFindByKey() {
        faults(Map.of("dropRate", 1.0, "phase", "after"));

        assertThrows(IOException.class, () -> http.send(postVisaCharge("key-1").build(), HttpResponse.BodyHandlers.ofString()));

        Api.faults(Map.of());
        given().queryParam("idempotencyKey", "key-1").when().get("/v1/payments").then().statusCode(200);
    }

    @Test
    void timeoutHoldsTheRequestThenAnswers504() {
        faults(Map.of("timeoutRate", 1.0, "timeoutMs", 300, "phase", "before"));

        charge("key-1", payment("pm_card_visa", "booking-1"))
                .time(greaterThanOrEqualTo(300L))
                .statusCode(504)
                .contentType("application/problem+json");
        assertEquals(0, Api.stats().getInt("charges"));
    }

    @Test
    void clientThatTimesOutAfterChargeCanFindThePaymentByKey() {
        faults(Map.of("timeoutRate", 1.0, "timeoutMs", 2_000, "phase", "after"));

        assertThrows(HttpTimeoutException.class, () -> http.send(
                postVisaCharge("key-1").timeout(Duration.ofMillis(300)).build(), HttpResponse.BodyHandlers.ofString()));

        Api.faults(Map.of());
        given().queryParam("idempotencyKey", "key-1").when().get("/v1/payments").then()
                .statusCode(200)
                .body("reference", equalTo("booking-1"));
    }

    @Test
    void delayAddsLatencyToEveryRequest() {
        faults(Map.of("delayMs", 300));

        given().when().get("/v1/payments/{id}", "pay_missing").then()
                .time(greaterThanOrEqualTo(300L))
                .statusCode(404);
    }

    @Test
    void chargeDelayKeepsTheChargeUnrecordedWhileItIsProcessedAndLookupsSayNotFoundMeanwhile() throws Exception {
        faults(Map.of("chargeDelayMs", 1500));

        java.util.concurrent.CompletableFuture<Integer> charging = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> charge("key-slow", payment("pm_card_visa", "booking-1")).extract().statusCode());
        Thread.sleep(300);
        given().queryParam("idempotencyKey", "key-slow").when().get("/v1/payments").then().statusCode(404);
        assertEquals(0, Api.stats().getInt("charges"));

        assertEquals(201, charging.get(10, java.util.concurrent.TimeUnit.SECONDS));
        given().queryParam("idempotencyKey", "key-slow").when().get("/v1/payments").then()
                .statusCode(200)
                .body("status", equalTo("succeeded"));
        assertEquals(1, Api.stats().getInt("charges"));
    }

    @Test
    void sameSeedInjectsTheSameFaults() {
        Map<String, Object> settings = Map.of("errorRate", 0.5, "seed", 42, "phase", "before");

        faults(settings);
        List<Integer> first = tenLookupStatuses();
        faults(settings);
        List<Integer> second = tenLookupStatuses();

        assertEquals(first, second);
        assertEquals(2, first.stream().distinct().count(), "expected both 500 and 404 in " + first);
    }

    @Test
    void downModeAnswers503() {
        faults(Map.of("down", true));

        charge("key-1", payment("pm_card_visa", "booking-1"))
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:bookingplatform:payment-simulator:provider-down"));
        given().when().get("/v1/payments/{id}", "pay_any").then().statusCode(503);

        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/admin/stats").then().statusCode(200).body("charges", equalTo(0));
    }

    @Test
    void deletingFaultsHealsTheProvider() {
        faults(Map.of("down", true, "errorRate", 1.0));

        given().when().delete("/admin/faults").then().statusCode(204);

        charge("key-1", payment("pm_card_visa", "booking-1")).statusCode(201);
    }

    @Test
    void faultSettingsOutOfRangeAreRejected() {
        for (Map<String, Object> invalid : List.of(
                Map.<String, Object>of("errorRate", 1.5),
                Map.<String, Object>of("errorRate", 0.6, "dropRate", 0.6),
                Map.<String, Object>of("delayMs", -1),
                Map.<String, Object>of("phase", "sometimes"))) {
            given().contentType(ContentType.JSON).body(invalid).when().put("/admin/faults").then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().when().get("/admin/faults").then().body("errorRate", equalTo(0.0f));
    }

    private HttpRequest.Builder postVisaCharge(String idempotencyKey) {
        return HttpRequest.newBuilder(paymentsUri)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey)
                .POST(HttpRequest.BodyPublishers.ofString(VISA_BODY));
    }

    private static List<Integer> tenLookupStatuses() {
        return IntStream.range(0, 10)
                .mapToObj(i -> given().when().get("/v1/payments/{id}", "pay_missing").then().extract().statusCode())
                .toList();
    }
}
