package org.bookingplatform.gateway.resilience;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.gateway.support.RawHttp;
import org.bookingplatform.gateway.support.StubService;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

@QuarkusTest
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class FaultToleranceTest {

    private final String token = TestTokens.customer(UUID.randomUUID());

    @Test
    void theBreakerOpensWhileTheServiceIsDownAnswers503FastAndClosesOnceItIsBack() {
        Backends.FLAKY.stop();
        try {
            Response response = null;
            for (int i = 0; i < 10; i++) {
                response = given().auth().oauth2(token).when().get("/api/v1/flaky/items");
                assertThat(response.statusCode(), equalTo(503));
                if (response.body().asString().contains("paused")) {
                    break;
                }
            }
            response.then()
                    .contentType("application/problem+json")
                    .header("Retry-After", "1")
                    .body("detail", containsString("flaky-service is failing"));
        } finally {
            Backends.FLAKY.start();
        }

        long started = System.nanoTime();
        given().auth().oauth2(token).when().get("/api/v1/flaky/while-open")
                .then().statusCode(503).header("Retry-After", "1");
        assertThat("an open breaker answers at once", Duration.ofNanos(System.nanoTime() - started).toMillis(), lessThan(250L));
        assertThat("an open breaker lets nothing through", Backends.FLAKY.requests("/flaky/while-open"), empty());

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/flaky/items").then().statusCode(200));
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).when().get("/api/v1/flaky/items").then().statusCode(200);
        }
    }

    @Test
    void clientsHangingUpBeforeTheAnswerDoNotOpenTheBreaker() throws Exception {
        Backends.FLAKY.script("/flaky/hang-up", StubService.Reply.json(200, "{}").after(300));
        String request = "GET /api/v1/flaky/hang-up HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n\r\n";
        int hangUps = 3 * Backends.FLAKY_REQUEST_VOLUME;
        for (int i = 1; i <= hangUps; i++) {
            int arrived = i;
            RawHttp.sendAndHangUp(request, () -> await("request " + arrived + " reaches the service (the breaker stays closed)")
                    .atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10))
                    .until(() -> Backends.FLAKY.requests("/flaky/hang-up").size() >= arrived));
        }

        given().auth().oauth2(token).when().get("/api/v1/flaky/items").then().statusCode(200);
        assertThat("no hung-up request was retried", Backends.FLAKY.requests("/flaky/hang-up"), hasSize(hangUps));
    }

    @Test
    void aPostIsNeverRetriedAndTheServicesAnswerPassesThrough() {
        Backends.FLAKY.failNext("/retrying/payments", 1, 503);

        given().auth().oauth2(token).contentType("application/json").body("{\"amount\":100}")
                .when().post("/api/v1/retrying/payments")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .body("detail", equalTo("failing on purpose"));
        assertThat(Backends.FLAKY.requests("/retrying/payments"), hasSize(1));
    }

    @Test
    void aPatchIsNeverRetried() {
        Backends.FLAKY.failNext("/retrying/patched", 1, 502);

        given().auth().oauth2(token).contentType("application/json").body("{}")
                .when().patch("/api/v1/retrying/patched")
                .then().statusCode(502);
        assertThat(Backends.FLAKY.requests("/retrying/patched"), hasSize(1));
    }

    @Test
    void aGetIsRetriedAfterATransientFailure() {
        Backends.FLAKY.failNext("/retrying/flaky-read", 1, 503);

        given().auth().oauth2(token).when().get("/api/v1/retrying/flaky-read?x=1")
                .then().statusCode(200).body("query", equalTo("x=1"));
        assertThat(Backends.FLAKY.requests("/retrying/flaky-read"), hasSize(2));
    }

    @Test
    void aPutIsRetriedWithItsWholeBody() {
        Backends.FLAKY.failNext("/retrying/put", 2, 504);

        given().auth().oauth2(token).contentType("application/json").body("{\"name\":\"again\"}")
                .when().put("/api/v1/retrying/put")
                .then().statusCode(200).body("body", equalTo("{\"name\":\"again\"}"));
        assertThat(Backends.FLAKY.requests("/retrying/put"), hasSize(3));
        Backends.FLAKY.requests("/retrying/put").forEach(received -> assertThat(received.body(), equalTo("{\"name\":\"again\"}")));
    }

    @Test
    void answersThatTimeOutCountAgainstTheBreaker() {
        Backends.FLAKY.script("/flaky/slow", StubService.Reply.json(200, "{}").after(2_000));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i <= Backends.FLAKY_REQUEST_VOLUME && !statuses.contains(503); i++) {
            statuses.add(given().auth().oauth2(token).when().get("/api/v1/flaky/slow").statusCode());
        }

        assertThat("timeouts alone open the breaker", statuses, hasItem(503));
        assertThat("every call before it opened timed out", statuses.subList(0, statuses.size() - 1), everyItem(equalTo(504)));
        assertThat("the open breaker let nothing through", Backends.FLAKY.requests("/flaky/slow"), hasSize(statuses.size() - 1));

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().auth().oauth2(token).when().get("/api/v1/flaky/items").then().statusCode(200));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIs504WithoutHanging() {
        Backends.FLAKY.script("/retrying/slow", StubService.Reply.json(200, "{}").after(3_000));

        long started = System.nanoTime();
        given().auth().oauth2(token).when().get("/api/v1/retrying/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .header("Retry-After", "1");
        assertThat(Duration.ofNanos(System.nanoTime() - started).toMillis(), lessThan(2_000L));
        assertThat("a timeout is not retried", Backends.FLAKY.requests("/retrying/slow"), hasSize(1));
    }
}
