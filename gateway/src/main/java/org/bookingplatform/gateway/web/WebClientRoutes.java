package org.bookingplatform.gateway.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.bookingplatform.gateway.config.GatewayConfig;

import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The web client's side of the gateway. Its files are static resources (META-INF/resources, served
 * by Quarkus under {@code /}); this adds the security headers to every answer outside the API and
 * Quarkus's own paths, and serves {@code /web-config.json}, the sign-in settings the pages start with.
 * <p>
 * The Content-Security-Policy allows the gateway's own scripts, styles and API, and Keycloak for
 * the token calls and the hidden frame of the silent session check: nothing inline, nothing else.
 * The API and {@code /q/} (Swagger UI, which needs inline scripts) keep their own headers.
 */
@Singleton
public class WebClientRoutes {

    static final String CONFIG_PATH = "/web-config.json";
    // Before Quarkus's CORS handler (-300) and the static-resource handler, after correlation ids (-400).
    private static final int HEADERS_ORDER = -350;

    private final String apiPrefix;
    private final Map<String, String> headers;
    private final String config;

    public WebClientRoutes(GatewayConfig gateway, ObjectMapper json) {
        SignInSettings signIn = SignInSettings.of(gateway.web().authServerUrl(), gateway.web().clientId());
        this.apiPrefix = gateway.apiPrefix();
        this.headers = securityHeaders(signIn.origin());
        try {
            this.config = json.writeValueAsString(signIn);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> securityHeaders(String keycloakOrigin) {
        String csp = String.join("; ",
                "default-src 'none'",
                "script-src 'self'",
                "style-src 'self'",
                "img-src 'self' data:",
                "connect-src 'self' " + keycloakOrigin,
                "frame-src 'self' " + keycloakOrigin,
                "form-action 'self'",
                "base-uri 'none'",
                // The silent session check loads one of these pages in a hidden frame of another.
                "frame-ancestors 'self'");
        return Map.of(
                "Content-Security-Policy", csp,
                "X-Content-Type-Options", "nosniff",
                "X-Frame-Options", "SAMEORIGIN",
                "Referrer-Policy", "no-referrer",
                "Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
                "Cross-Origin-Opener-Policy", "same-origin",
                // Revalidated on every load (ETag, Last-Modified): a new deployment is picked up at once.
                "Cache-Control", "no-cache");
    }

    void install(@Observes Router router) {
        router.route().order(HEADERS_ORDER).handler(this::addHeaders);
        router.get(CONFIG_PATH).handler(rc -> rc.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(config));
    }

    private void addHeaders(RoutingContext rc) {
        if (isWebPath(rc.normalizedPath())) {
            HttpServerResponse response = rc.response();
            headers.forEach(response::putHeader);
        }
        rc.next();
    }

    private boolean isWebPath(String path) {
        return !(path.equals(apiPrefix) || path.startsWith(apiPrefix + "/") || path.equals("/q") || path.startsWith("/q/"));
    }
}
