package org.bookingplatform.notification.webhook.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Partner webhooks in figures: {@code notification.webhook.deliveries} by {@code outcome}
 * (delivered; failed, to be retried; given_up after the last retry; gone, the receiver answered
 * 410 and its subscription was disabled), and the gauge {@code notification.webhook.subscriptions.paused},
 * refreshed by one query per interval and replica (a scrape reads the cached value).
 */
@ApplicationScoped
@Startup
public class WebhookMetrics {

    private final Pool pool;
    private final Counter delivered;
    private final Counter failed;
    private final Counter givenUp;
    private final Counter gone;
    private final AtomicLong paused = new AtomicLong();

    public WebhookMetrics(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        delivered = delivery(registry, "delivered");
        failed = delivery(registry, "failed");
        givenUp = delivery(registry, "given_up");
        gone = delivery(registry, "gone");
        Gauge.builder("notification.webhook.subscriptions.paused", paused, AtomicLong::get)
                .description("Webhook subscriptions paused because their deliveries kept failing")
                .register(registry);
    }

    void delivered() {
        delivered.increment();
    }

    void failed(boolean retried) {
        (retried ? failed : givenUp).increment();
    }

    void gone() {
        gone.increment();
    }

    @Scheduled(identity = "webhook-paused-gauge", every = "${notification.webhooks.paused-gauge-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> refresh() {
        return pool.query("select count(*) from webhook_subscription where status = 'PAUSED'").execute()
                .invoke(rows -> paused.set(rows.iterator().next().getLong(0)))
                .replaceWithVoid();
    }

    private static Counter delivery(MeterRegistry registry, String outcome) {
        return Counter.builder("notification.webhook.deliveries")
                .description("Webhook delivery attempts, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
