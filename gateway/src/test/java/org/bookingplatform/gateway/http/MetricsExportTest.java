package org.bookingplatform.gateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.testsupport.ExportedMetrics;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Requests through a route count by route and status class, a 429 counts as a refusal of the
 * route's bucket, and the management port exports every metric the dashboard and the alerts
 * expect of the gateway.
 */
@QuarkusTest
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class MetricsExportTest {

    private static final String ROUTE = "limited";

    @Inject
    MeterRegistry registry;

    @TestHTTPResource(value = "/metrics", management = true)
    URI metrics;

    @Test
    void requestsCountByRouteAndStatusClassAndA429CountsAsARefusal() {
        long ok = requests("2xx");
        long refused = requests("4xx");
        double refusals = refusals();
        String token = TestTokens.customer(UUID.randomUUID());

        for (int i = 0; i < Backends.LIMITED_CAPACITY; i++) {
            given().auth().oauth2(token).when().get("/api/v1/limited/things").then().statusCode(200);
        }
        given().auth().oauth2(token).when().get("/api/v1/limited/things").then().statusCode(429);

        assertEquals(ok + Backends.LIMITED_CAPACITY, requests("2xx"));
        assertEquals(refused + 1, requests("4xx"));
        assertEquals(refusals + 1, refusals());
        ExportedMetrics.assertExported("gateway", metrics);
    }

    private long requests(String status) {
        return registry.get("gateway.requests").tag("route", ROUTE).tag("status", status).timer().count();
    }

    private double refusals() {
        var counter = registry.find("gateway.rate.limit.refusals").tag("scope", ROUTE).counter();
        return counter == null ? 0 : counter.count();
    }
}
