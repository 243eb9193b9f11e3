package org.bookingplatform.gateway.route;

import io.vertx.core.http.HttpMethod;
import jakarta.inject.Singleton;
import org.bookingplatform.gateway.config.GatewayConfig;

import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The routes of the configuration, longest prefix first so that a nested prefix wins. */
@Singleton
public class RouteTable {

    private final String apiPrefix;
    private final Map<String, URI> services;
    private final List<GatewayRoute> routes;
    private final List<PathRule> publicPaths;

    public RouteTable(GatewayConfig config) {
        this.apiPrefix = config.apiPrefix();
        this.services = Map.copyOf(config.services().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().url())));
        this.routes = config.routes().entrySet().stream()
                .map(e -> GatewayRoute.from(e.getKey(), e.getValue(), serviceUrl(e.getKey(), e.getValue().service())))
                .sorted(Comparator.comparingInt((GatewayRoute r) -> r.prefix().length()).reversed())
                .toList();
        this.publicPaths = PathRule.parseAll(config.publicPaths().orElse(List.of()));
    }

    private URI serviceUrl(String route, String service) {
        URI url = services.get(service);
        if (url == null) {
            throw new IllegalStateException("gateway.routes." + route + ".service names an unknown service: " + service);
        }
        return url;
    }

    public List<GatewayRoute> routes() {
        return routes;
    }

    public Optional<GatewayRoute> route(String path) {
        for (GatewayRoute route : routes) {
            if (route.covers(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /** Open without a token: a gateway-wide public path or one of the matching route's. */
    public boolean isPublic(HttpMethod method, String path, GatewayRoute route) {
        for (PathRule rule : publicPaths) {
            if (rule.matches(method, path)) {
                return true;
            }
        }
        return route != null && route.isPublic(method, path);
    }

    public String apiPrefix() {
        return apiPrefix;
    }

    /** The services by name, each with its base URL. */
    public Map<String, URI> services() {
        return services;
    }
}
