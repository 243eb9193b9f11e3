package org.bookingplatform.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.bookingplatform.testsupport.TestIdentityProvider;

import java.util.HashMap;
import java.util.Map;

/**
 * The four services as stubs, plus one for the fault-tolerance tests, started once per test JVM
 * and wired into the gateway's configuration. Besides the real routes, three routes exist only in
 * tests: "flaky" (a breaker that opens after 4 calls), "retrying" (short timeout, fast retries, a
 * breaker that stays closed) and "limited" (a 3-request bucket).
 */
public class Backends implements QuarkusTestResourceLifecycleManager {

    public static final StubService BOOKING = new StubService("booking-service");
    public static final StubService USER = new StubService("user-service");
    public static final StubService PAYMENT = new StubService("payment-service");
    public static final StubService NOTIFICATION = new StubService("notification-service");
    public static final StubService FLAKY = new StubService("flaky-service");

    /** Breaker of the flaky route: open after 4 calls with half of them failed, for 1 s. */
    public static final int FLAKY_REQUEST_VOLUME = 4;
    public static final int LIMITED_CAPACITY = 3;

    private static boolean started;

    @Override
    public synchronized Map<String, String> start() {
        if (!started) {
            BOOKING.start();
            USER.start();
            PAYMENT.start();
            NOTIFICATION.start();
            FLAKY.start();
            scriptApiDocuments();
            started = true;
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.oidc.auth-server-url", TestIdentityProvider.issuer());
        config.put("gateway.services.booking-service.url", BOOKING.url());
        config.put("gateway.services.user-service.url", USER.url());
        config.put("gateway.services.payment-service.url", PAYMENT.url());
        config.put("gateway.services.notification-service.url", NOTIFICATION.url());
        config.put("gateway.services.flaky-service.url", FLAKY.url());

        config.put("gateway.routes.flaky.prefix", "/api/v1/flaky");
        config.put("gateway.routes.flaky.service", "flaky-service");
        config.put("gateway.routes.flaky.timeout", "500ms");
        config.put("gateway.routes.flaky.circuit-breaker.request-volume", Integer.toString(FLAKY_REQUEST_VOLUME));
        config.put("gateway.routes.flaky.circuit-breaker.failure-ratio", "0.5");
        config.put("gateway.routes.flaky.circuit-breaker.delay", "1s");
        config.put("gateway.routes.flaky.circuit-breaker.success-threshold", "1");
        config.put("gateway.routes.flaky.retry.max-retries", "2");
        config.put("gateway.routes.flaky.retry.delay", "10ms");
        config.put("gateway.routes.flaky.rate-limit.capacity", "1000");

        config.put("gateway.routes.retrying.prefix", "/api/v1/retrying");
        config.put("gateway.routes.retrying.service", "flaky-service");
        config.put("gateway.routes.retrying.timeout", "500ms");
        config.put("gateway.routes.retrying.circuit-breaker.request-volume", "1000");
        config.put("gateway.routes.retrying.retry.max-retries", "2");
        config.put("gateway.routes.retrying.retry.delay", "10ms");
        config.put("gateway.routes.retrying.rate-limit.capacity", "1000");

        config.put("gateway.routes.limited.prefix", "/api/v1/limited");
        config.put("gateway.routes.limited.service", "booking-service");
        config.put("gateway.routes.limited.public-paths", "GET /api/v1/limited/open/**");
        config.put("gateway.routes.limited.rate-limit.capacity", Integer.toString(LIMITED_CAPACITY));
        config.put("gateway.routes.limited.rate-limit.refill-per-second", "0.01");

        config.put("quarkus.http.limits.max-body-size", "64K");
        config.put("gateway.composition.part-timeout", "500ms");
        config.put("gateway.openapi.partial-ttl", "1h");
        return config;
    }

    /**
     * Shaped like the services' SmallRye documents: booking and payment define the same Money,
     * user-service a different one; booking and payment both name an operation "get"; the user
     * operation has no operationId; notification-service is down.
     */
    private static void scriptApiDocuments() {
        String document = "/q/openapi?format=json";
        String problem = """
                "401":{"description":"No valid token","content":{"application/problem+json":{"schema":{"$ref":"#/components/schemas/Problem"}}}}""";
        BOOKING.script(document, StubService.Reply.json(200, """
                {"openapi":"3.1.0","info":{"title":"booking","version":"1"},
                 "tags":[{"name":"Bookings","description":"Holds and bookings"}],
                 "paths":{"/bookings/{id}":{"get":{"operationId":"get","summary":"A booking","tags":["Bookings"],
                            "parameters":[{"name":"id","in":"path","required":true,"schema":{"type":"string","format":"uuid"}}],
                            "responses":{"200":{"description":"The booking","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Money"}}}},%1$s}}},
                          "/listings":{"get":{"operationId":"search","summary":"Listings","tags":["Bookings"],
                            "responses":{"200":{"description":"Listings"},"400":{"description":"Bad query"}}}},
                          "/internal/replay":{"post":{}}},
                 "components":{"schemas":{"Money":{"type":"object","properties":{"amount":{"type":"integer"}}},
                                          "Problem":{"type":"object","properties":{"status":{"type":"integer"}}}}}}""".formatted(problem)));
        USER.script(document, StubService.Reply.json(200, """
                {"openapi":"3.1.0","info":{"title":"users","version":"1"},
                 "paths":{"/users":{"post":{"summary":"Sign up",
                            "responses":{"201":{"description":"Signed up","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Money"}}}},
                                         "400":{"description":"Bad request"}}}}},
                 "components":{"schemas":{"Money":{"type":"string"}}}}"""));
        PAYMENT.script(document, StubService.Reply.json(200, """
                {"openapi":"3.1.0","info":{"title":"payments","version":"1"},
                 "paths":{"/payments":{"get":{"operationId":"get","summary":"Payments",
                            "responses":{"200":{"description":"Payments","content":{"application/json":{"schema":{"$ref":"#/components/schemas/Money"}}}},%1$s}}}},
                 "components":{"schemas":{"Money":{"type":"object","properties":{"amount":{"type":"integer"}}},
                                          "Problem":{"type":"object","properties":{"status":{"type":"integer"}}}}}}""".formatted(problem)));
        NOTIFICATION.script(document, StubService.Reply.problem(503, "down"));
    }

    @Override
    public void stop() {
        // The stubs live as long as the test JVM, like the identity provider.
    }
}
