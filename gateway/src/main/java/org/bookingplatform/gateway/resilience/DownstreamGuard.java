package org.bookingplatform.gateway.resilience;

import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
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
 * a circuit breaker and a bulkhead (concurrent calls) around every call, a timeout on the
 * response head inside them, and retries around that for calls the caller marks safe to repeat.
 * Counted as failures: no connection, a timeout, a 502/503/504 answer. Other answers, 500
 * included, are the service's word and pass through untouched. Calls made on a Vert.x event
 * loop continue on it (smallrye-fault-tolerance-vertx), so no thread is ever blocked.
 */
public final class DownstreamGuard {

    private static final Logger LOG = Logger.getLogger(DownstreamGuard.class);

    private final Vertx vertx;
    private final Guard breaker;
    private final Guard laterRetries;
    private final long timeoutMillis;
    private final long retryDelayMillis;
    private final Duration openDelay;

    private DownstreamGuard(Vertx vertx, Guard breaker, Guard laterRetries, long timeoutMillis, long retryDelayMillis,
                            Duration openDelay) {
        this.vertx = vertx;
        this.breaker = breaker;
        this.laterRetries = laterRetries;
        this.timeoutMillis = timeoutMillis;
        this.retryDelayMillis = retryDelayMillis;
        this.openDelay = openDelay;
    }

    public static DownstreamGuard of(GatewayRoute route, Vertx vertx) {
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
                .withBulkhead()
                    .limit(settings.bulkhead().maxConcurrent())
                    .queueSize(settings.bulkhead().queue())
                    .done()
                .build();
        GatewayConfig.Retry retry = settings.retry();
        // The first retry is started by call(); this guard makes the ones after it.
        Guard laterRetries = retry.maxRetries() < 1 ? null : Guard.create()
                .withDescription("retries of route " + route.name())
                .withRetry()
                    .maxRetries(retry.maxRetries() - 1)
                    .delay(retry.delay().toMillis(), ChronoUnit.MILLIS)
                    .jitter(0, ChronoUnit.MILLIS)
                    // A timeout is not retried: a slow service is rarely fast a moment later,
                    // and retrying would multiply the client's wait.
                    .whenException(failure -> failure instanceof DownstreamFailure)
                    .beforeRetry(DownstreamGuard::discardFailedReply)
                    .done()
                .build();
        return new DownstreamGuard(vertx, breaker, laterRetries, settings.timeout().toMillis(), retry.delay().toMillis(),
                circuitBreaker.delay());
    }

    /**
     * Runs {@code call} under the route's guard; {@code repeatable} calls (idempotent method,
     * body in memory) are retried on a connection failure or a 502/503/504.
     * <p>
     * The retry guard is entered only once a first try failed in a way a retry may cure: each
     * guard re-dispatches the call on the event loop and captures the thread context, which
     * costs as much as the breaker's own work, and almost every call succeeds at once.
     */
    public <T> Future<T> call(Supplier<Future<T>> call, boolean repeatable, TypeLiteral<Future<T>> type) {
        Supplier<Future<T>> timed = () -> withTimeout(call);
        Future<T> first = guarded(breaker, timed, type);
        if (!repeatable || laterRetries == null) {
            return first;
        }
        return first.recover(failure -> {
            if (!(failure instanceof DownstreamFailure)) {
                return Future.failedFuture(failure);
            }
            discardFailedReply(failure);
            return vertx.timer(retryDelayMillis).compose(ignored -> guarded(laterRetries, () -> guarded(breaker, timed, type), type));
        });
    }

    /**
     * The route's timeout on the response head, on the event loop's own timer. Inside the
     * breaker, so a timeout counts as a failure there; the wait in the bulkhead's queue is not
     * part of it (that queue is bounded, and drained by calls each bounded by this timeout).
     */
    private <T> Future<T> withTimeout(Supplier<Future<T>> call) {
        return EventLoopTimeout.within(vertx, timeoutMillis, call.get(),
                () -> new TimeoutException("no answer within " + timeoutMillis + " ms"));
    }

    private static <T> Future<T> guarded(Guard guard, Supplier<Future<T>> call, TypeLiteral<Future<T>> type) {
        try {
            return guard.call(call::get, type);
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
