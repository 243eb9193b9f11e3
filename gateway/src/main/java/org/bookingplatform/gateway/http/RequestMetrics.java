package org.bookingplatform.gateway.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.bookingplatform.gateway.route.GatewayRoute;
import org.bookingplatform.gateway.security.AccessFilter;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code gateway.requests}: every request's duration by {@code route} (the configured route's
 * name; {@code gateway} for the gateway's own endpoints and paths no route covers) and
 * {@code status} class (1xx to 5xx), with a few fixed buckets for latency quantiles. Quarkus's
 * HTTP server metrics stay off on the proxy path (application.properties says why): every timer
 * here is built at start, so a request costs one map look-up and a few counter increments.
 */
public final class RequestMetrics implements Handler<RoutingContext> {

    static final String NAME = "gateway.requests";
    static final String OWN_ENDPOINTS = "gateway";
    private static final String[] STATUS_CLASSES = {"1xx", "2xx", "3xx", "4xx", "5xx"};

    private final Map<String, Timer[]> byRoute = new HashMap<>();

    public RequestMetrics(List<GatewayRoute> routes, MeterRegistry registry) {
        byRoute.put(OWN_ENDPOINTS, timers(OWN_ENDPOINTS, registry));
        for (GatewayRoute route : routes) {
            byRoute.put(route.name(), timers(route.name(), registry));
        }
    }

    @Override
    public void handle(RoutingContext rc) {
        long start = System.nanoTime();
        rc.addEndHandler(ended -> {
            GatewayRoute route = rc.get(AccessFilter.ROUTE);
            Timer[] timers = byRoute.get(route == null ? OWN_ENDPOINTS : route.name());
            int statusClass = rc.response().getStatusCode() / 100 - 1;
            if (statusClass >= 0 && statusClass < STATUS_CLASSES.length) {
                timers[statusClass].record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            }
        });
        rc.next();
    }

    private static Timer[] timers(String route, MeterRegistry registry) {
        Timer[] timers = new Timer[STATUS_CLASSES.length];
        for (int i = 0; i < timers.length; i++) {
            timers[i] = Timer.builder(NAME)
                    .description("Requests through the gateway, by route and status class")
                    .tag("route", route)
                    .tag("status", STATUS_CLASSES[i])
                    .serviceLevelObjectives(Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
                            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1),
                            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10))
                    .register(registry);
        }
        return timers;
    }
}
