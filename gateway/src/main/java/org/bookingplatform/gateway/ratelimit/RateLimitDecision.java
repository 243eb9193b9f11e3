package org.bookingplatform.gateway.ratelimit;

/**
 * The outcome of taking a token, with what the RateLimit headers report: the bucket's
 * {@code limit}, the whole requests {@code remaining}, seconds until it is full again
 * ({@code resetSeconds}) and, when refused, seconds until the next token ({@code retryAfterSeconds}).
 */
public record RateLimitDecision(boolean granted, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {
}
