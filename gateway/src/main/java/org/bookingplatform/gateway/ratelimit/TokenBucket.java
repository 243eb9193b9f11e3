package org.bookingplatform.gateway.ratelimit;

/**
 * One caller's bucket. Tokens are refilled lazily from the time elapsed since the last take,
 * so an idle bucket costs nothing and needs no timer.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final RateLimitPolicy policy;
    private double tokens;
    private long updatedAt;

    TokenBucket(RateLimitPolicy policy, long now) {
        this.policy = policy;
        this.tokens = policy.capacity();
        this.updatedAt = now;
    }

    RateLimitPolicy policy() {
        return policy;
    }

    /** Synchronized: two event loops may take from the same caller's bucket at once. */
    synchronized RateLimitDecision take(long now) {
        double refill = policy.refillPerSecond();
        tokens = Math.min(policy.capacity(), tokens + Math.max(0, now - updatedAt) / NANOS_PER_SECOND * refill);
        updatedAt = now;
        boolean granted = tokens >= 1;
        if (granted) {
            tokens -= 1;
        }
        return RateLimitDecision.of(policy, granted, tokens);
    }
}
