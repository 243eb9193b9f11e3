package org.bookingplatform.gateway.route;

import io.vertx.core.http.HttpMethod;

import java.util.List;
import java.util.Locale;

/**
 * A path rule from configuration: {@code "GET /api/v1/listings/**"} or {@code "/q/health/**"}
 * (any method). A trailing {@code /**} covers the path itself and everything below it.
 * A GET rule also covers HEAD, which is a GET without the body.
 */
public record PathRule(HttpMethod method, String path, boolean subtree) {

    private static final String SUBTREE = "/**";

    public static PathRule parse(String rule) {
        String[] parts = rule.trim().split("\\s+");
        if (parts.length > 2 || parts[parts.length - 1].isEmpty() || !parts[parts.length - 1].startsWith("/")) {
            throw new IllegalArgumentException("A path rule is '[METHOD] /path[/**]', not '" + rule + "'");
        }
        HttpMethod method = parts.length == 2 ? HttpMethod.valueOf(parts[0].toUpperCase(Locale.ROOT)) : null;
        String path = parts[parts.length - 1];
        boolean subtree = path.endsWith(SUBTREE);
        return new PathRule(method, subtree ? path.substring(0, path.length() - SUBTREE.length()) : path, subtree);
    }

    public static List<PathRule> parseAll(List<String> rules) {
        return rules.stream().map(PathRule::parse).toList();
    }

    public boolean matches(HttpMethod requestMethod, String requestPath) {
        return methodMatches(requestMethod) && pathMatches(requestPath);
    }

    private boolean methodMatches(HttpMethod requestMethod) {
        return method == null || method.equals(requestMethod)
                || (HttpMethod.GET.equals(method) && HttpMethod.HEAD.equals(requestMethod));
    }

    private boolean pathMatches(String requestPath) {
        if (!subtree) {
            return path.equals(requestPath);
        }
        return requestPath.equals(path) || (requestPath.startsWith(path) && requestPath.charAt(path.length()) == '/');
    }
}
