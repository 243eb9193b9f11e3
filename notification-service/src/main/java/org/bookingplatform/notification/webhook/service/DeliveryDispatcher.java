package org.bookingplatform.notification.webhook.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.webhook.Delivery;
import org.bookingplatform.notification.webhook.Subscription;
import org.bookingplatform.notification.webhook.client.WebhookSender;
import org.bookingplatform.notification.webhook.config.WebhookConfig;
import org.bookingplatform.notification.webhook.repository.DeliveryRepository;
import org.bookingplatform.notification.webhook.repository.SubscriptionRepository;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Sends the due deliveries: claims a batch, checks each target again (the SSRF guard, with a
 * fresh look-up whose address is then the one connected to), signs and POSTs, and settles each
 * attempt as delivered, to be retried, given up, or (410) subscription disabled.
 */
@ApplicationScoped
public class DeliveryDispatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryDispatcher.class);

    private final DeliveryRepository deliveries;
    private final SubscriptionRepository subscriptions;
    private final TargetGuard guard;
    private final WebhookSender sender;
    private final WebhookConfig config;
    private final RetryPolicy retries;
    private final WebhookMetrics metrics;

    public DeliveryDispatcher(DeliveryRepository deliveries, SubscriptionRepository subscriptions, TargetGuard guard,
                              WebhookSender sender, WebhookConfig config, WebhookMetrics metrics) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.guard = guard;
        this.sender = sender;
        this.config = config;
        this.retries = RetryPolicy.of(config);
        this.metrics = metrics;
    }

    @Scheduled(identity = "webhook-dispatch", every = "${notification.webhooks.dispatch-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public Uni<Void> dispatchDue() {
        // Long enough for the attempt to finish and be settled; only a dead replica's claims outlive it.
        Duration lease = config.timeout().multipliedBy(2).plusSeconds(10);
        return deliveries.claimDue(config.batchSize(), lease).chain(due -> {
            if (due.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            return subscriptions.byIds(due.stream().map(Delivery::subscriptionId).collect(Collectors.toSet()))
                    .map(found -> found.stream().collect(Collectors.toMap(Subscription::id, Function.identity())))
                    .chain(byId -> Uni.join().all(due.stream().map(d -> attempt(d, byId.get(d.subscriptionId()))).toList())
                            .andCollectFailures())
                    .onFailure().invoke(e -> LOG.warn("webhook dispatch run failed", e))
                    .onFailure().recoverWithNull()
                    .replaceWithVoid();
        });
    }

    private Uni<Void> attempt(Delivery delivery, Subscription subscription) {
        if (subscription == null) {
            return Uni.createFrom().voidItem();     // deleted meanwhile: its deliveries went with it
        }
        return Uni.createFrom().item(() -> {
                    try {
                        return guard.check(subscription.url());
                    } catch (TargetRefused refused) {
                        throw new RefusedAtDelivery(refused.getMessage());
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())   // the DNS look-up blocks
                .chain(target -> {
                    long timestamp = Instant.now().getEpochSecond();
                    String id = delivery.eventId().toString();
                    Map<String, String> headers = Map.of(
                            "content-type", StructuredCloudEvent.MEDIA_TYPE + "; charset=utf-8",
                            "webhook-id", id,
                            "webhook-timestamp", String.valueOf(timestamp),
                            "webhook-signature", WebhookSigner.signature(subscription.signingSecrets(Instant.now()), id, timestamp,
                                    delivery.payload()));
                    return sender.post(target, headers, delivery.payload());
                })
                .onItemOrFailure().transformToUni((answer, failure) -> {
                    if (failure != null) {
                        return failed(delivery, null, describe(failure), Optional.empty());
                    }
                    if (answer.status() >= 200 && answer.status() < 300) {
                        return deliveries.succeeded(delivery.id(), delivery.subscriptionId(), answer.status())
                                .invoke(metrics::delivered);
                    }
                    if (answer.status() == 410) {
                        LOG.infof("webhook subscription %s disabled: its receiver answered 410", subscription.id());
                        return deliveries.gone(delivery.id(), delivery.subscriptionId()).invoke(metrics::gone);
                    }
                    return failed(delivery, answer.status(), "the receiver answered " + answer.status(),
                            retryAfter(answer.retryAfter()));
                });
    }

    private Uni<Void> failed(Delivery delivery, Integer status, String error, Optional<Duration> retryAfter) {
        Optional<Duration> wait = retries.nextWait(delivery.attempts() + 1, retryAfter);
        return deliveries.failed(delivery.id(), delivery.subscriptionId(), status, error, wait, config.pauseAfter())
                .invoke(() -> metrics.failed(wait.isPresent()));
    }

    private static String describe(Throwable failure) {
        if (failure instanceof RefusedAtDelivery refused) {
            return "target refused: " + refused.getMessage();
        }
        if (failure instanceof TimeoutException || failure.getClass().getSimpleName().contains("Timeout")) {
            return "no answer in time";
        }
        if (failure instanceof ConnectException || failure.getCause() instanceof ConnectException) {
            return "connection failed: " + failure.getMessage();
        }
        return failure.getClass().getSimpleName() + ": " + failure.getMessage();
    }

    /** Retry-After in seconds or as an HTTP date; anything else is ignored. */
    static Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            Duration until = Duration.between(Instant.now(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Optional.empty() : Optional.of(until);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The target failed the SSRF guard when it was about to be called. */
    private static final class RefusedAtDelivery extends RuntimeException {
        RefusedAtDelivery(String message) {
            super(message, null, false, false);
        }
    }
}
