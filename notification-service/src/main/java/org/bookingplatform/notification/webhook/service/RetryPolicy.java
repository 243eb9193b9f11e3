package org.bookingplatform.notification.webhook.service;

import org.bookingplatform.notification.webhook.config.WebhookConfig;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When a failed delivery is tried again: the configured schedule (the Standard Webhooks one by
 * default: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h), each wait stretched by a random
 * jitter so that a receiver coming back is not hit by every delivery at the same instant, and never
 * sooner than the receiver's {@code Retry-After} (capped, so a receiver cannot park a delivery forever).
 */
public final class RetryPolicy {

    private final List<Duration> schedule;
    private final double jitter;
    private final Duration maxRetryAfter;
    private final DoubleSupplier random;

    public RetryPolicy(List<Duration> schedule, double jitter, Duration maxRetryAfter, DoubleSupplier random) {
        this.schedule = List.copyOf(schedule);
        this.jitter = jitter;
        this.maxRetryAfter = maxRetryAfter;
        this.random = random;
    }

    public static RetryPolicy of(WebhookConfig config) {
        return new RetryPolicy(config.retrySchedule(), config.jitter(), config.maxRetryAfter(), Math::random);
    }

    /** Attempts in all: the first one and one per scheduled wait. */
    public int maxAttempts() {
        return schedule.size() + 1;
    }

    /** The wait after {@code attemptsMade} failed attempts, or empty when the delivery is given up. */
    public Optional<Duration> nextWait(int attemptsMade, Optional<Duration> retryAfter) {
        if (attemptsMade >= maxAttempts()) {
            return Optional.empty();
        }
        Duration base = schedule.get(attemptsMade - 1);
        Duration wait = base.plusMillis((long) (base.toMillis() * jitter * random.getAsDouble()));
        if (retryAfter.isPresent()) {
            Duration asked = retryAfter.get().compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter.get();
            if (asked.compareTo(wait) > 0) {
                wait = asked;
            }
        }
        return Optional.of(wait);
    }
}
