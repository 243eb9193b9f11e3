package org.bookingplatform.gateway.ratelimit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.bookingplatform.gateway.config.GatewayConfig;
import org.bookingplatform.gateway.http.ProblemResponses;
import org.bookingplatform.gateway.route.GatewayRoute;
import org.bookingplatform.gateway.security.AccessFilter;
import org.bookingplatform.gateway.security.Caller;
import org.bookingplatform.platform.problem.Problem;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Token buckets per caller (token subject, or client address when anonymous) and per route,
 * each route with its own capacity and refill rate; the gateway's own endpoints share one policy.
 * Every answer carries RateLimit-Limit/-Remaining/-Reset (IETF httpapi rate-limit headers draft);
 * an empty bucket answers 429 with Retry-After. If the store cannot be reached the request is let
 * through: a broken limiter must not take the whole API down.
 * <p>
 * Before a bearer token is verified, the client address takes from a bucket of its own
 * ({@link #beforeTokenVerification}): the per-user bucket can only be found once the token is
 * verified, and a verification costs more than the rest of the request.
 * <p>
 * Every 429 counts in {@code gateway.rate.limit.refusals}, tagged with the bucket's {@code scope}
 * (a route's name, {@value #OWN_ENDPOINTS} or {@value #TOKEN_VERIFICATION}).
 */
@Singleton
public class RateLimiter implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final String OWN_ENDPOINTS = "gateway";
    private static final String TOKEN_VERIFICATION = "token-verification";
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(10);

    private final TokenBucketStore store;
    private final ProblemResponses problems;
    private final RateLimitPolicy ownEndpoints;
    private final RateLimitPolicy tokenVerification;
    private final AtomicLong nextWarningAt = new AtomicLong(System.nanoTime());
    private final LongAdder letThroughSinceWarning = new LongAdder();
    private final MeterRegistry registry;
    private final Map<String, Counter> refusals = new ConcurrentHashMap<>();

    public RateLimiter(TokenBucketStore store, ProblemResponses problems, GatewayConfig config, MeterRegistry registry) {
        this.store = store;
        this.problems = problems;
        this.registry = registry;
        refusals(OWN_ENDPOINTS);
        refusals(TOKEN_VERIFICATION);
        this.ownEndpoints = new RateLimitPolicy(config.rateLimit().capacity(), config.rateLimit().refillPerSecond());
        this.tokenVerification = new RateLimitPolicy(config.tokenVerificationRateLimit().capacity(),
                config.tokenVerificationRateLimit().refillPerSecond());
    }

    @Override
    public void handle(RoutingContext rc) {
        GatewayRoute route = rc.get(AccessFilter.ROUTE);
        Caller caller = rc.get(AccessFilter.CALLER);
        String scope = route != null ? route.name() : OWN_ENDPOINTS;
        RateLimitPolicy policy = route != null ? route.rateLimit() : ownEndpoints;
        // A networked store answers later; the body loses nothing meanwhile: Quarkus holds it
        // paused until a handler reads it.
        take(rc, scope, scope + '|' + caller.bucketKey(), policy, rc::next);
    }

    /**
     * Takes from {@code address}'s token-verification bucket, then runs {@code verify}; an empty
     * bucket answers 429 instead, so the token is never looked at.
     */
    public void beforeTokenVerification(RoutingContext rc, String address, Runnable verify) {
        take(rc, TOKEN_VERIFICATION, TOKEN_VERIFICATION + "|ip:" + address, tokenVerification, verify);
    }

    private void take(RoutingContext rc, String scope, String key, RateLimitPolicy policy, Runnable granted) {
        store.take(key, policy).onComplete(taken -> {
            if (taken.failed()) {
                letThrough(taken.cause());
                granted.run();
                return;
            }
            RateLimitDecision decision = taken.result();
            HttpServerResponse response = rc.response();
            response.putHeader("RateLimit-Limit", Long.toString(decision.limit()))
                    .putHeader("RateLimit-Remaining", Long.toString(decision.remaining()))
                    .putHeader("RateLimit-Reset", Long.toString(decision.resetSeconds()));
            if (decision.granted()) {
                granted.run();
            } else {
                refusals(scope).increment();
                problems.send(rc, Problem.of(429, "Too Many Requests",
                                "Rate limit of " + decision.limit() + " requests exceeded; retry in " + decision.retryAfterSeconds() + " s."),
                        Duration.ofSeconds(decision.retryAfterSeconds()));
            }
        });
    }

    /** Scopes are the configured routes and two fixed names: a handful of series. */
    private Counter refusals(String scope) {
        return refusals.computeIfAbsent(scope, name -> Counter.builder("gateway.rate.limit.refusals")
                .description("Requests refused with 429 by the rate limiter, by bucket scope")
                .tag("scope", name)
                .register(registry));
    }

    /** Logs a failing store at most every 10 s: while it is down, every request fails. */
    private void letThrough(Throwable failure) {
        letThroughSinceWarning.increment();
        long now = System.nanoTime();
        long due = nextWarningAt.get();
        if (now - due >= 0 && nextWarningAt.compareAndSet(due, now + WARNING_INTERVAL_NANOS)) {
            LOG.warnf("rate limit store failed; %d requests let through unlimited since the last warning: %s",
                    letThroughSinceWarning.sumThenReset(), failure.getMessage());
        }
    }
}
