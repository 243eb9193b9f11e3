package org.bookingplatform.notification.webhook.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Partner webhooks: {@code notification.webhooks.*} in application.properties. */
@ConfigMapping(prefix = "notification.webhooks")
public interface WebhookConfig {

    /**
     * Targets permitted although they are not public HTTPS endpoints, as {@code scheme://host:port}
     * with {@code *} for any port (e.g. {@code http://127.0.0.1:*}). Empty in production.
     */
    Optional<List<String>> allowedTargets();

    /** The waits before the 2nd, 3rd, ... attempt; a delivery is given up after the last one. */
    List<Duration> retrySchedule();

    /** Each wait is stretched by a random fraction up to this, so retries of many deliveries spread out. */
    @WithDefault("0.2")
    double jitter();

    /** A {@code Retry-After} longer than this is capped to it. */
    @WithDefault("2h")
    Duration maxRetryAfter();

    /** How long one attempt may take (connect, send, status line). */
    @WithDefault("15s")
    Duration timeout();

    /** A subscription whose deliveries have failed without a success for this long is paused. */
    @WithDefault("5d")
    Duration pauseAfter();

    /** How long the previous secret still signs after a rotation. */
    @WithDefault("24h")
    Duration secretGrace();

    /** At most this many subscriptions per partner. */
    @WithDefault("20")
    int maxSubscriptionsPerPartner();

    /** How often due deliveries are sent (read by the dispatcher's {@code @Scheduled}). */
    String dispatchInterval();

    /** How often each replica counts the paused subscriptions for the metrics (read by {@code WebhookMetrics}' {@code @Scheduled}). */
    String pausedGaugeInterval();

    /** Deliveries sent per dispatcher run. */
    @WithDefault("20")
    int batchSize();
}
