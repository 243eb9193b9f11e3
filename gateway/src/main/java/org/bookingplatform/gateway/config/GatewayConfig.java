package org.bookingplatform.gateway.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything the gateway reads from configuration (keys under {@code gateway.}). */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** The path prefix clients use; the services see the request path without it. */
    @WithDefault("/api/v1")
    String apiPrefix();

    /** Rules ("METHOD /path", "/path/**") open without a token, besides each route's own. */
    Optional<List<String>> publicPaths();

    /**
     * Proxies (addresses or CIDR ranges) whose X-Forwarded-For is believed: the client's address is
     * then the right-most one in it that is not a trusted proxy. Empty: the direct peer is the client.
     */
    Optional<List<String>> trustedProxies();

    Map<String, Service> services();

    Map<String, Route> routes();

    Client client();

    /** Rate limit of the gateway's own endpoints under the API prefix (booking overview, API document). */
    RateLimit rateLimit();

    /**
     * Token verifications per client address, taken before a bearer token that is not in the
     * recently verified cache is checked: an RS256 verification costs far more than a request, so
     * a flood of made-up tokens is refused before it is paid for.
     */
    RateLimit tokenVerificationRateLimit();

    RateLimitStore rateLimitStore();

    TokenCache tokenCache();

    OpenApi openapi();

    Composition composition();

    /** The web client served under {@code /}. */
    Web web();

    interface Service {
        /** Base URL (scheme, host, port) of the service. */
        URI url();
    }

    interface Route {
        /** Path prefix as clients send it, e.g. /api/v1/bookings; it also covers everything below. */
        String prefix();

        /** Name of the service in gateway.services that answers this route. */
        String service();

        Optional<List<String>> publicPaths();

        /** Realm roles of which the caller needs one; empty: any authenticated caller. */
        Optional<List<String>> rolesAllowed();

        /** Longest wait for the service's response head (not for a streamed body). */
        @WithDefault("10s")
        Duration timeout();

        RateLimit rateLimit();

        CircuitBreaker circuitBreaker();

        Retry retry();

        Bulkhead bulkhead();
    }

    interface RateLimit {
        /** Requests a caller may make in a burst. */
        @WithDefault("60")
        long capacity();

        /** Requests per second a caller regains. */
        @WithDefault("5")
        double refillPerSecond();
    }

    interface CircuitBreaker {
        /** Number of recent calls the failure ratio is measured over. */
        @WithDefault("20")
        int requestVolume();

        @WithDefault("0.5")
        double failureRatio();

        /** How long the breaker stays open before letting trial calls through. */
        @WithDefault("10s")
        Duration delay();

        /** Successful trial calls that close it again. */
        @WithDefault("2")
        int successThreshold();
    }

    interface Retry {
        /** Retries of an idempotent request after a connection failure, a timeout or a 502/503/504. */
        @WithDefault("2")
        int maxRetries();

        @WithDefault("50ms")
        Duration delay();

        /** A request body is kept in memory for a retry up to this size; larger ones are streamed and not retried. */
        @WithDefault("64K")
        MemorySize maxBufferedBody();
    }

    interface Bulkhead {
        /** Requests waiting on the service at once. */
        @WithDefault("512")
        int maxConcurrent();

        /** Requests that may wait for a slot beyond that; more are refused with 503. */
        @WithDefault("64")
        int queue();
    }

    interface Client {
        @WithDefault("2s")
        Duration connectTimeout();

        @WithDefault("256")
        int maxConnectionsPerService();

        @WithDefault("60s")
        Duration keepAliveTimeout();
    }

    interface RateLimitStore {
        /**
         * Where the buckets live: {@code memory}, this replica's own (each replica then allows the
         * whole limit), or {@code redis}, shared by every replica (server: {@code quarkus.redis.hosts}).
         */
        @WithDefault("memory")
        Kind kind();

        /** In-process buckets kept at most; idle ones are dropped earlier, once they would be full again. */
        @WithDefault("100000")
        long maxBuckets();

        /** How long a take may wait for Redis; past it the request is let through. */
        @WithDefault("50ms")
        Duration timeout();

        /** Prefix of the bucket keys in Redis, so that deployments can share a server. */
        @WithDefault("gateway:rate-limit:")
        String keyPrefix();

        enum Kind { MEMORY, REDIS }
    }

    interface TokenCache {
        /** How long a verified token of a proxied request is taken as verified; 0 verifies every request. */
        @WithDefault("30s")
        Duration ttl();

        @WithDefault("10000")
        long maxSize();
    }

    interface OpenApi {
        @WithDefault("5m")
        Duration ttl();

        /** A document that misses a service is gathered again sooner. */
        @WithDefault("15s")
        Duration partialTtl();

        /** Longest wait for one service's document. */
        @WithDefault("3s")
        Duration timeout();
    }

    interface Composition {
        /** Longest wait for payments or notifications before answering without them. */
        @WithDefault("2s")
        Duration partTimeout();
    }

    interface Web {
        /**
         * The realm's URL as browsers reach it ({@code https://auth.example/realms/booking}): where the
         * web client signs in, and the one origin besides the gateway's that its pages may talk to.
         */
        URI authServerUrl();

        /** The realm's public client the web client signs in as. */
        @WithDefault("booking-web")
        String clientId();
    }
}
