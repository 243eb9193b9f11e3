package org.bookingplatform.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.gateway.support.RawHttp;
import org.bookingplatform.gateway.support.StubService;
import org.bookingplatform.gateway.support.StubService.Recorded;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class RoutingFidelityTest {

    private final String token = TestTokens.customer(UUID.randomUUID());

    @Test
    void eachRoutePrefixReachesItsServiceWithoutTheApiPrefix() {
        Map<String, StubService> expected = Map.of(
                "/api/v1/bookings/b1", Backends.BOOKING,
                "/api/v1/listings/l1", Backends.BOOKING,
                "/api/v1/users/me", Backends.USER,
                "/api/v1/payments/p1", Backends.PAYMENT,
                "/api/v1/notifications/n1", Backends.NOTIFICATION);
        expected.forEach((path, service) -> {
            given().auth().oauth2(token).when().get(path).then().statusCode(200);
            assertThat(path, service.requests(path.substring("/api/v1".length())), not(empty()));
        });
    }

    @Test
    void methodPathQueryAndBodyArriveUnchanged() {
        for (String method : new String[]{"POST", "PUT", "PATCH", "DELETE"}) {
            String body = "{\"method\":\"" + method + "\",\"text\":\"grüße\"}";
            given().urlEncodingEnabled(false).auth().oauth2(token).contentType("application/json").body(body)
                    .when().request(method, "/api/v1/bookings/b2/items?page=2&size=5&q=a%20b")
                    .then().statusCode(200)
                    .body("method", equalTo(method))
                    .body("path", equalTo("/bookings/b2/items"))
                    .body("query", equalTo("page=2&size=5&q=a%20b"))
                    .body("body", equalTo(body));
        }
    }

    @Test
    void headersArriveAndTheTokenIsForwardedUnchanged() {
        given().auth().oauth2(token).header("Idempotency-Key", "key-1").header("Accept-Language", "de")
                .when().get("/api/v1/bookings/b3").then().statusCode(200);

        Recorded received = Backends.BOOKING.last("/bookings/b3");
        assertThat(received.header("authorization"), is("Bearer " + token));
        assertThat(received.header("idempotency-key"), is("key-1"));
        assertThat(received.header("accept-language"), is("de"));
        assertThat(received.header("x-forwarded-for"), is("127.0.0.1"));
        assertThat(received.header("x-forwarded-proto"), is("http"));
    }

    @Test
    void hopByHopRequestHeadersAreNotForwarded() throws Exception {
        RawHttp.Response response = RawHttp.send("""
                GET /api/v1/bookings/b4 HTTP/1.1\r
                Host: gateway.test\r
                Authorization: Bearer %s\r
                Connection: close, X-Connection-Private\r
                X-Connection-Private: only for the next hop\r
                Keep-Alive: timeout=5\r
                TE: trailers\r
                Proxy-Authorization: Basic Zm9vOmJhcg==\r
                X-End-To-End: kept\r
                \r
                """.formatted(token));

        assertThat(response.status(), is(200));
        Recorded received = Backends.BOOKING.last("/bookings/b4");
        assertThat(received.header("x-end-to-end"), is("kept"));
        for (String hop : new String[]{"x-connection-private", "keep-alive", "te", "proxy-authorization"}) {
            assertThat(received.headers(), not(hasKey(hop)));
        }
        assertThat(received.header("connection"), not(is("close, X-Connection-Private")));
    }

    @Test
    void hopByHopResponseHeadersAreNotPassedBack() throws Exception {
        Backends.BOOKING.script("/bookings/hop", new StubService.Reply(200, Map.of(
                "Connection", "X-Upstream-Private",
                "X-Upstream-Private", "secret",
                "Keep-Alive", "timeout=30",
                "Proxy-Authenticate", "Basic",
                "X-Upstream-Public", "visible",
                "Content-Type", "application/json"), "{}", 0));

        RawHttp.Response response = RawHttp.send("""
                GET /api/v1/bookings/hop HTTP/1.1\r
                Host: gateway.test\r
                Authorization: Bearer %s\r
                Connection: close\r
                \r
                """.formatted(token));

        assertThat(response.status(), is(200));
        assertThat(response.header("x-upstream-public"), is("visible"));
        for (String hop : new String[]{"x-upstream-private", "keep-alive", "proxy-authenticate"}) {
            assertThat(response.headers(), not(hasKey(hop)));
        }
    }

    @Test
    void errorStatusesAndProblemBodiesPassThroughUntouched() {
        Backends.BOOKING.script("/bookings/taken", StubService.Reply.problem(409, "no availability"));
        Backends.BOOKING.script("/bookings/broken", StubService.Reply.problem(500, "bug in booking-service"));

        given().auth().oauth2(token).when().post("/api/v1/bookings/taken")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("title", equalTo("from 409"))
                .body("detail", equalTo("no availability"));
        given().auth().oauth2(token).when().get("/api/v1/bookings/broken")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("detail", equalTo("bug in booking-service"));
        assertThat("a 500 is the service's answer, not retried", Backends.BOOKING.requests("/bookings/broken"), hasSize(1));
    }

    @Test
    void aSaneRequestIdIsKeptForwardedAndEchoed() {
        given().auth().oauth2(token).header("X-Request-Id", "client-id_1.2-3")
                .when().get("/api/v1/bookings/rid1")
                .then().statusCode(200).header("X-Request-Id", "client-id_1.2-3");
        assertThat(Backends.BOOKING.last("/bookings/rid1").header("x-request-id"), is("client-id_1.2-3"));
    }

    @Test
    void anInsaneOrMissingRequestIdIsReplacedByANewOne() {
        Response replaced = given().auth().oauth2(token).header("X-Request-Id", "no spaces; or <tags>")
                .when().get("/api/v1/bookings/rid2");
        replaced.then().statusCode(200).header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        assertThat(Backends.BOOKING.last("/bookings/rid2").header("x-request-id"), is(replaced.header("X-Request-Id")));

        given().auth().oauth2(token).header("X-Request-Id", "x".repeat(129))
                .when().get("/api/v1/bookings/rid3")
                .then().header("X-Request-Id", matchesPattern("[0-9a-f-]{36}"));
        given().when().get("/api/v1/bookings/rid4")
                .then().statusCode(401).header("X-Request-Id", notNullValue());
    }

    @Test
    void aPathOutsideEveryRouteIsNotForwarded() {
        given().auth().oauth2(token).when().get("/api/v1/bookingsx/1").then().statusCode(404);
        assertThat(Backends.BOOKING.requests("/bookingsx/1"), empty());
    }
}
