package org.bookingplatform.gateway.resilience;

import io.vertx.core.Vertx;
import jakarta.inject.Singleton;
import org.bookingplatform.gateway.route.GatewayRoute;
import org.bookingplatform.gateway.route.RouteTable;

import java.util.Map;
import java.util.stream.Collectors;

/** One guard per route, shared by the proxy and the composition so both see the same breaker. */
@Singleton
public class DownstreamGuards {

    private final Map<String, DownstreamGuard> byRoute;

    public DownstreamGuards(RouteTable routes, Vertx vertx) {
        this.byRoute = routes.routes().stream()
                .collect(Collectors.toUnmodifiableMap(GatewayRoute::name, route -> DownstreamGuard.of(route, vertx)));
    }

    public DownstreamGuard of(GatewayRoute route) {
        return byRoute.get(route.name());
    }
}
