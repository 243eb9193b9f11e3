package org.bookingplatform.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.gateway.support.RawHttp;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class StreamingTest {

    private final String token = TestTokens.customer(UUID.randomUUID());

    @Test
    void serverSentEventsArriveWhileTheStreamIsStillOpen() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + "/api/v1/notifications/events"))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream")
                .build();
        HttpResponse<Stream<String>> response = HttpClient.newHttpClient()
                .sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .get(5, TimeUnit.SECONDS);
        assertThat(response.statusCode(), is(200));
        assertThat(response.headers().firstValue("Content-Type").orElse(""), startsWith("text/event-stream"));
        Iterator<String> lines = response.body().iterator();

        // The stub holds the stream open until released: the first event must come through before that.
        assertThat(nextLine(lines), equalTo("id: 1"));
        assertThat(nextLine(lines), equalTo("data: first"));

        Backends.NOTIFICATION.releaseStreams();
        assertThat(nextLine(lines), equalTo(""));
        assertThat(nextLine(lines), equalTo("id: 2"));
        assertThat(nextLine(lines), equalTo("data: second"));
    }

    @Test
    void aBodyDeclaredLargerThanTheLimitIs413ProblemAndNotForwarded() {
        given().auth().oauth2(token).contentType("application/json").body("x".repeat(64 * 1024 + 1))
                .when().post("/api/v1/bookings/huge")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
        assertThat(Backends.BOOKING.requests("/bookings/huge"), empty());
    }

    @Test
    void aStreamedBodyThatGrowsPastTheLimitIs413Problem() throws Exception {
        String chunk = "x".repeat(16 * 1024);
        StringBuilder request = new StringBuilder("""
                POST /api/v1/bookings/huge-stream HTTP/1.1\r
                Host: gateway.test\r
                Authorization: Bearer %s\r
                Content-Type: application/octet-stream\r
                Transfer-Encoding: chunked\r
                \r
                """.formatted(token));
        for (int i = 0; i < 6; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");

        RawHttp.Response response = RawHttp.send(request.toString());

        assertThat(response.status(), is(413));
        assertThat(response.header("content-type"), is("application/problem+json"));
    }

    @Test
    void aStreamedBodyWithinTheLimitArrivesWhole() throws Exception {
        String chunk = "y".repeat(8 * 1024);
        StringBuilder request = new StringBuilder("""
                POST /api/v1/bookings/stream-ok HTTP/1.1\r
                Host: gateway.test\r
                Authorization: Bearer %s\r
                Content-Type: text/plain\r
                Transfer-Encoding: chunked\r
                \r
                """.formatted(token));
        for (int i = 0; i < 3; i++) {
            request.append(Integer.toHexString(chunk.length())).append("\r\n").append(chunk).append("\r\n");
        }
        request.append("0\r\n\r\n");

        RawHttp.Response response = RawHttp.send(request.toString());

        assertThat(response.status(), is(200));
        assertThat(Backends.BOOKING.last("/bookings/stream-ok").body(), equalTo(chunk.repeat(3)));
    }

    private static String nextLine(Iterator<String> lines) throws Exception {
        return CompletableFuture.supplyAsync(lines::next).get(Duration.ofSeconds(5).toMillis(), TimeUnit.MILLISECONDS);
    }
}
