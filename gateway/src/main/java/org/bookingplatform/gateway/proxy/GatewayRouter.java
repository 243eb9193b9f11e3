package org.bookingplatform.gateway.proxy;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.bookingplatform.gateway.client.DownstreamClient;
import org.bookingplatform.gateway.http.ProblemResponses;
import org.bookingplatform.gateway.http.RequestCorrelation;
import org.bookingplatform.gateway.http.RequestMetrics;
import org.bookingplatform.gateway.http.RequestSizeLimit;
import org.bookingplatform.gateway.ratelimit.RateLimiter;
import org.bookingplatform.gateway.resilience.DownstreamGuards;
import org.bookingplatform.gateway.route.GatewayRoute;
import org.bookingplatform.gateway.route.RouteTable;
import org.bookingplatform.gateway.security.AccessFilter;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Mounts the gateway on Quarkus's router. Order of the handlers for a request:
 * correlation ids and request metrics (all paths) -> Quarkus CORS -> body size -> access (API paths) -> rate limit
 * (API paths) -> the matching proxy route, or else the gateway's own JAX-RS endpoints.
 * <p>
 * Access, rate limit and proxy are the handlers of one router route: the router matches its
 * path once, and the proxy route is the one the access filter already found by prefix, rather
 * than the router trying one regular expression per handler and per configured route.
 */
@Singleton
public class GatewayRouter {

    // Quarkus's filters run at negative orders (CORS -300, its own size check -2); JAX-RS at 10000.
    private static final int CORRELATION_ORDER = -400;
    private static final int METRICS_ORDER = -399;
    private static final int SIZE_LIMIT_ORDER = -3;
    private static final int API_ORDER = 1_000;

    private final RouteTable routes;
    private final AccessFilter access;
    private final RateLimiter rateLimiter;
    private final DownstreamGuards guards;
    private final DownstreamClient client;
    private final ProblemResponses problems;
    private final MeterRegistry registry;
    private final long maxBodySize;

    public GatewayRouter(RouteTable routes, AccessFilter access, RateLimiter rateLimiter, DownstreamGuards guards,
                         DownstreamClient client, ProblemResponses problems, MeterRegistry registry,
                         @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.routes = routes;
        this.access = access;
        this.rateLimiter = rateLimiter;
        this.guards = guards;
        this.client = client;
        this.problems = problems;
        this.registry = registry;
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(CORRELATION_ORDER).handler(new RequestCorrelation());
        router.route().order(METRICS_ORDER).handler(new RequestMetrics(routes.routes(), registry));
        router.route().order(SIZE_LIMIT_ORDER).handler(new RequestSizeLimit(maxBodySize, problems));
        Map<String, ProxyRoute> proxies = new HashMap<>();
        for (GatewayRoute route : routes.routes()) {
            proxies.put(route.name(), new ProxyRoute(route, routes.apiPrefix(), client, guards.of(route), problems, maxBodySize));
        }
        router.routeWithRegex(underneath(routes.apiPrefix())).order(API_ORDER)
                .handler(access)
                .handler(rateLimiter)
                .handler(rc -> {
                    GatewayRoute route = rc.get(AccessFilter.ROUTE);
                    if (route == null) {
                        rc.next();
                    } else {
                        proxies.get(route.name()).handle(rc);
                    }
                });
    }

    /** The prefix itself and every path below it, but not "/api/v1/listingsfoo". */
    private static String underneath(String prefix) {
        return Pattern.quote(prefix) + "(/.*)?";
    }
}
