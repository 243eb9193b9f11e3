package org.bookingplatform.gateway.resilience;

import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Future;
import jakarta.enterprise.util.TypeLiteral;
import org.bookingplatform.gateway.config.GatewayConfig;
import org.bookingplatform.gateway.route.GatewayRoute;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

/**
 * The fault tolerance of one route, built with SmallRye Fault Tolerance's programmatic API:
 * a circuit breaker, a timeout on the response head and a bulkhead (concurrent calls) around
 * every call, and retries around that for calls the caller marks safe to repeat.
 * Counted as failures: no connection, a timeout, a 502/503/504 answer. Other answers, 500
 * included, are the service's word and pass through untouched. Calls made on a Vert.x event
 * loop continue on it (smallrye-fault-tolerance-vertx), so no thread is ever blocked.
 */
public final class DownstreamGuard {

    private static final Logger LOG = Logger.getLogger(DownstreamGuard.class);

    private final Guard breaker;
    private final Guard retries;
    private final Duration openDelay;

    private DownstreamGuard(Guard breaker, Guard retries, Duration openDelay) {
        this.breaker = breaker;
        this.retries = retries;
        this.openDelay = openDelay;
    }

    public static DownstreamGuard of(GatewayRoute route) {
        GatewayConfig.Route settings = route.settings();
        GatewayConfig.CircuitBreaker circuitBreaker = settings.circuitBreaker();
        Guard breaker = Guard.create()
                .withDescription("route " + route.name())
                .withCircuitBreaker()
                    .name("gateway-route-" + route.name())
                    .requestVolumeThreshold(circuitBreaker.requestVolume())
                    .failureRatio(circuitBreaker.failureRatio())
                    .delay(circuitBreaker.delay().toMillis(), ChronoUnit.MILLIS)
                    .successThreshold(circuitBreaker.successThreshold())
                    .when(DownstreamGuard::isDownstreamFault)
                    .onStateChange(state -> LOG.warnf("circuit breaker of route %s is now %s", route.name(), state))
                    .done()
                .withTimeout()
                    .duration(settings.timeout().toMillis(), ChronoUnit.MILLIS)
                    .done()
                .withBulkhead()
                    .limit(settings.bulkhead().maxConcurrent())
                    .queueSize(settings.bulkhead().queue())
                    .done()
                .build();
        GatewayConfig.Retry retry = settings.retry();
        Guard retries = retry.maxRetries() < 1 ? null : Guard.create()
                .withDescription("retries of route " + route.name())
                .withRetry()
                    .maxRetries(retry.maxRetries())
                    .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    // A timeout is not retried: a slow service is rarely fast a moment later,
                    // and retrying would multiply the client's wait.
                    .whenException(failure -> failure instanceof DownstreamFailure)
                    .beforeRetry(DownstreamGuard::discardFailedReply)
                    .done()
                .build();
        return new DownstreamGuard(breaker, retries, circuitBreaker.delay());
    }

    /**
     * Runs {@code call} under the route's guard; {@code repeatable} calls (idempotent method,
     * body in memory) are retried on a connection failure or a 502/503/504.
     */
    public <T> Future<T> call(Supplier<Future<T>> call, boolean repeatable, TypeLiteral<Future<T>> type) {
        try {
            if (repeatable && retries != null) {
                return retries.call(() -> breaker.call(call::get, type), type);
            }
            return breaker.call(call::get, type);
        } catch (Exception e) {
            return Future.failedFuture(e);
        }
    }

    /** How long an open breaker refuses calls: the Retry-After of the 503 it causes. */
    public Duration openDelay() {
        return openDelay;
    }

    private static boolean isDownstreamFault(Throwable failure) {
        return failure instanceof DownstreamFailure || failure instanceof TimeoutException;
    }

    private static void discardFailedReply(Throwable failure) {
        if (failure instanceof DownstreamFailure.ErrorStatus errorStatus) {
            errorStatus.discard();
        }
    }
}
