package org.bookingplatform.gateway.ratelimit;

/**
 * The outcome of taking a token, with what the RateLimit headers report: the bucket's
 * {@code limit}, the whole requests {@code remaining}, seconds until it is full again
 * ({@code resetSeconds}) and, when refused, seconds until the next token ({@code retryAfterSeconds}).
 */
public record RateLimitDecision(boolean granted, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    /** The decision for a bucket of {@code policy} left with {@code tokens} after a take that was {@code granted} or not. */
    static RateLimitDecision of(RateLimitPolicy policy, boolean granted, double tokens) {
        double refill = policy.refillPerSecond();
        long resetSeconds = (long) Math.ceil((policy.capacity() - tokens) / refill);
        long retryAfterSeconds = granted ? 0 : Math.max(1, (long) Math.ceil((1 - tokens) / refill));
        return new RateLimitDecision(granted, policy.capacity(), (long) Math.floor(tokens), resetSeconds, retryAfterSeconds);
    }
}
