package org.bookingplatform.gateway.proxy;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonObject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.gateway.support.RawHttp;
import org.bookingplatform.gateway.support.StubService;
import org.bookingplatform.testsupport.HostileInput;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile request lines and headers, sent byte for byte over a socket, at the proxied routes and
 * at the gateway's own endpoints: the gateway never answers 5xx itself (the stand-in services
 * answer 200 to whatever reaches them), every error under the API prefix is a problem document,
 * and a request the gateway refuses reaches no service.
 * <p>
 * A request target that is no URI at all (a stray {@code %}, a raw {@code "} or {@code <}) is refused
 * by Quarkus's HTTP layer before any handler of the gateway runs, with an empty 400: for those only
 * the 400 and that nothing was forwarded are checked. Outside the fuzzed domain: request lines past
 * {@code quarkus.http.limits.max-initial-line-length} and headers past {@code max-header-size}
 * (a bare 414/431 from the HTTP codec), and framing errors (a malformed Content-Length, broken chunks).
 */
@QuarkusTest
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class GatewayFuzzTest {

    private static final int REQUESTS = 60;
    private static final List<String> ROUTES = List.of("/api/v1/bookings", "/api/v1/listings", "/api/v1/users",
            "/api/v1/payments", "/api/v1/notifications", "/api/v1/webhooks");
    private static final List<StubService> SERVICES = List.of(Backends.BOOKING, Backends.USER, Backends.PAYMENT, Backends.NOTIFICATION);

    /** Percent-encodings that are malformed, overlong, or decode to separators, dots and NUL. */
    private static final List<String> MALFORMED_ENCODINGS = List.of(
            "%", "%2", "%zz", "%%", "%00", "%2e", "%2e%2e", "%2E%2E%2F", "%2f", "%5c", "%C0%AE%C0%AE", "%c0%af", "%ff%fe",
            "%E2%82", "%ED%A0%80", "%u002e", "%25", "%252e", "..", ".", ";a=b", "a;b", "a//b", "~!$&'()*+,;=:@",
            "\"<>^`{|}\\", "%0d%0aX-Injected:%20yes", "é", "%F0%9F%98%80");

    private static final List<String> MALFORMED_QUERIES = List.of(
            "", "?", "&&&", "=", "==&=", "a", "a=", "=b", "a=%", "a=%zz", "%=%", "a=%00", "a=%C3%28", "a=%ED%A0%80",
            "a=1&a=2&a=3", "a+b=c+d", "page=-1&size=1e9", "bookingId=not-a-uuid", "a[]=1&a[x]=2", "a=\"<script>\"",
            "q=" + "x".repeat(3_500), "a=1&".repeat(800), "%u0041=1", "a=%0d%0aSet-Cookie:%20x");

    private final String customer = TestTokens.customer(UUID.randomUUID());
    private final String partner = TestTokens.partner(UUID.randomUUID());

    @Test
    void hostilePathsOnProxiedRoutesAreForwardedOrRefusedAsProblems() throws IOException {
        List<String> segments = Arbitraries.oneOf(Arbitraries.of(MALFORMED_ENCODINGS), HostileInput.pathText().map(GatewayFuzzTest::encoded))
                .sampleStream().limit(REQUESTS).toList();
        for (int i = 0; i < segments.size(); i++) {
            String route = ROUTES.get(i % ROUTES.size());
            String target = route + "/fuzz-" + i + "/" + segments.get(i);
            checked(request("GET", target, Map.of("Authorization", bearerFor(route)), ""), true);
            checked(request("DELETE", route + "/" + segments.get(i), Map.of(), ""), true);
        }
    }

    @Test
    void hostileQueryStringsOnProxiedRoutesAreForwardedOrRefusedAsProblems() throws IOException {
        Arbitrary<String> encodedPairs = Combinators.combine(HostileInput.uriText(), HostileInput.uriText())
                .as((name, value) -> encoded(name) + "=" + encoded(value));
        List<String> queries = Arbitraries.oneOf(Arbitraries.of(MALFORMED_QUERIES), encodedPairs,
                        encodedPairs.list().ofMaxSize(5).map(pairs -> String.join("&", pairs)))
                .filter(query -> query.length() <= 3_600)
                .sampleStream().limit(REQUESTS).toList();
        for (int i = 0; i < queries.size(); i++) {
            String route = ROUTES.get(i % ROUTES.size());
            checked(request("GET", route + "?" + queries.get(i), Map.of("Authorization", bearerFor(route)), ""), true);
            checked(request("GET", "/api/v1/listings/fuzz?" + queries.get(i), Map.of(), ""), true);
        }
    }

    @Test
    void hostileHeadersAndBodiesAreForwardedOrRefusedAsProblems() throws IOException {
        Arbitrary<Map<String, String>> headers = Combinators.combine(
                Arbitraries.of("Content-Type", "Authorization", "Accept", "X-Request-Id", "X-Forwarded-For", "traceparent",
                        "Idempotency-Key", "Last-Event-ID", "Accept-Language", "Cookie", "Expect"),
                Arbitraries.oneOf(headerText(), Arbitraries.of(
                        "", "application/json; charset=nope", "multipart/form-data; boundary=", "x/y/z", ";;;", "*/*;q=abc",
                        "text/plain; charset=utf-16", "application/problem+json", "Bearer", "Bearer ", "Bearer a.b.c",
                        "Basic Zm9vOmJhcg==", "bearer " + customer, "Bearer " + customer + " extra", "Bearer " + "x".repeat(3_000),
                        "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.", "999.999.999.999", "::1, ::ffff:1.2.3.4, unknown",
                        "00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-ff", "null", "100-continue",
                        "é".repeat(50))))
                .as(Map::of);
        Arbitrary<String> bodies = Arbitraries.oneOf(HostileInput.json(), Arbitraries.of("", "{", "\u0000", "x".repeat(65_536)));
        List<Map<String, String>> headerSets = headers.sampleStream().limit(REQUESTS).toList();
        List<String> bodySamples = bodies.sampleStream().limit(REQUESTS).toList();
        for (int i = 0; i < REQUESTS; i++) {
            String route = ROUTES.get(i % ROUTES.size());
            Map<String, String> sent = new HashMap<>(headerSets.get(i));
            sent.putIfAbsent("Authorization", bearerFor(route));
            checked(request(i % 2 == 0 ? "POST" : "PUT", route + "/fuzz-h" + i, sent, bodySamples.get(i)), true);
        }
    }

    @Test
    void theGatewaysOwnEndpointsNeverFailOnTheServer() throws IOException {
        List<String> ids = Arbitraries.oneOf(Arbitraries.of(MALFORMED_ENCODINGS), HostileInput.pathText().map(GatewayFuzzTest::encoded),
                Arbitraries.just(UUID.randomUUID().toString())).sampleStream().limit(REQUESTS).toList();
        List<String> queries = Arbitraries.of(MALFORMED_QUERIES).filter(q -> q.length() <= 3_600).sampleStream().limit(REQUESTS).toList();
        for (int i = 0; i < REQUESTS; i++) {
            checked(request("GET", "/api/v1/me/bookings/" + ids.get(i) + "/overview", Map.of("Authorization", "Bearer " + customer), ""), false);
            checked(request("GET", "/api/v1/openapi.json?" + queries.get(i), Map.of(), ""), false);
            checked(request("GET", "/api/v1/" + ids.get(i), Map.of("Authorization", "Bearer " + customer), ""), false);
            checked(request("POST", "/api/v1/openapi.json", Map.of("Content-Type", "application/json"), "{}"), false);
        }
    }

    /** Quarkus's CORS filter refuses an origin not configured, with its own empty 403 (browsers show scripts no body). */
    @Test
    void anOriginNotAllowedIsRefusedAndNotForwarded() throws IOException {
        for (String origin : Arbitraries.oneOf(headerText(), Arbitraries.of("http://evil.example", "null")).sampleStream()
                .filter(origin -> !origin.isBlank()).limit(REQUESTS / 4).toList()) {
            int before = received();
            RawHttp.Response response = RawHttp.send(request("GET", "/api/v1/bookings/fuzz-origin",
                    Map.of("Origin", origin, "Authorization", "Bearer " + customer), ""));
            assertEquals(403, response.status(), () -> "Origin: " + origin);
            assertEquals(before, received(), () -> "forwarded although refused: Origin " + origin);
        }
    }

    /** Partners call the webhook route (it is theirs); everyone else is a customer. */
    private String bearerFor(String route) {
        return "Bearer " + (route.endsWith("/webhooks") ? partner : customer);
    }

    /**
     * Sends one request; a 5xx fails, an error must be a problem document, and when
     * {@code proxied}, a refused request must not have reached any service.
     */
    private static void checked(String request, boolean proxied) throws IOException {
        int before = received();
        RawHttp.Response response = RawHttp.send(request);
        String shown = request.length() > 400 ? request.substring(0, 400) + "..." : request;
        int status = response.status();
        assertTrue(status < 500, () -> status + " for " + shown + "\n" + response.body());
        if (!isUri(request.split(" ", 3)[1])) {
            assertEquals(400, status, () -> "a target that is no URI: " + shown);
            assertEquals(before, received(), () -> "no URI, but forwarded: " + shown);
        } else if (status >= 400) {
            String type = response.header("content-type");
            assertTrue(type != null && type.startsWith("application/problem+json"),
                    () -> status + " of type " + type + " for " + shown + "\n" + response.body());
            assertEquals(status, new JsonObject(response.body()).getInteger("status"), () -> "problem status for " + shown);
            if (proxied) {
                assertEquals(before, received(), () -> "refused with " + status + " but forwarded: " + shown);
            }
        }
    }

    private static boolean isUri(String target) {
        try {
            new URI(target);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static int received() {
        return SERVICES.stream().mapToInt(StubService::received).sum();
    }

    /** An HTTP/1.1 request, byte for byte; the body's length is declared. */
    private static String request(String method, String target, Map<String, String> headers, String body) {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: gateway.test\r\n");
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0 || Stream.of("POST", "PUT").anyMatch(method::equals)) {
            request.append("Content-Length: ").append(bytes.length).append("\r\n");
        }
        return request.append("Connection: close\r\n\r\n").append(new String(bytes, StandardCharsets.ISO_8859_1)).toString();
    }

    /** Text as one path segment or query component, every reserved character percent-encoded. */
    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Header text a client can send: printable ASCII, no line breaks. */
    private static Arbitrary<String> headerText() {
        return HostileInput.uriText().filter(value -> value.chars().allMatch(c -> c >= ' ' && c <= '~'));
    }
}
