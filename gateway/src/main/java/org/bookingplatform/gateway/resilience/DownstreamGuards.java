package org.bookingplatform.gateway.resilience;

import jakarta.inject.Singleton;
import org.bookingplatform.gateway.route.GatewayRoute;
import org.bookingplatform.gateway.route.RouteTable;

import java.util.Map;
import java.util.stream.Collectors;

/** One guard per route, shared by the proxy and the composition so both see the same breaker. */
@Singleton
public class DownstreamGuards {

    private final Map<String, DownstreamGuard> byRoute;

    public DownstreamGuards(RouteTable routes) {
        this.byRoute = routes.routes().stream()
                .collect(Collectors.toUnmodifiableMap(GatewayRoute::name, DownstreamGuard::of));
    }

    public DownstreamGuard of(GatewayRoute route) {
        return byRoute.get(route.name());
    }
}
