package org.bookingplatform.gateway.ratelimit;

/** A token bucket's shape: {@code capacity} requests in a burst, {@code refillPerSecond} regained per second. */
public record RateLimitPolicy(long capacity, double refillPerSecond) {

    public RateLimitPolicy {
        if (capacity < 1 || !(refillPerSecond > 0)) {
            throw new IllegalArgumentException("A rate limit needs capacity >= 1 and refill-per-second > 0");
        }
    }

    /** Time an empty bucket takes to fill up; a bucket idle that long is the same as a new one. */
    public long nanosToFill() {
        return (long) Math.ceil(capacity / refillPerSecond * 1_000_000_000L);
    }
}
