package org.bookingplatform.gateway.route;

import io.vertx.core.http.HttpMethod;
import org.bookingplatform.gateway.config.GatewayConfig;
import org.bookingplatform.gateway.ratelimit.RateLimitPolicy;

import java.net.URI;
import java.util.List;
import java.util.Set;

/**
 * One configured route: requests whose path is {@code prefix} or lies below it go to
 * {@code upstream}, with the route's own public paths, roles, rate limit and fault tolerance.
 */
public record GatewayRoute(String name, String prefix, String service, URI upstream, List<PathRule> publicPaths,
                           Set<String> rolesAllowed, RateLimitPolicy rateLimit, GatewayConfig.Route settings) {

    public static GatewayRoute from(String name, GatewayConfig.Route route, URI upstream) {
        String prefix = route.prefix().endsWith("/") ? route.prefix().substring(0, route.prefix().length() - 1) : route.prefix();
        return new GatewayRoute(name, prefix, route.service(), upstream,
                PathRule.parseAll(route.publicPaths().orElse(List.of())),
                Set.copyOf(route.rolesAllowed().orElse(List.of())),
                new RateLimitPolicy(route.rateLimit().capacity(), route.rateLimit().refillPerSecond()),
                route);
    }

    public boolean covers(String path) {
        return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
    }

    public boolean isPublic(HttpMethod method, String path) {
        for (PathRule rule : publicPaths) {
            if (rule.matches(method, path)) {
                return true;
            }
        }
        return false;
    }
}
