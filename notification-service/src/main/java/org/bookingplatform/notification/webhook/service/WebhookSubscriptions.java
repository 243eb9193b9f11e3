package org.bookingplatform.notification.webhook.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.webhook.Delivery;
import org.bookingplatform.notification.webhook.Subscription;
import org.bookingplatform.notification.webhook.config.WebhookConfig;
import org.bookingplatform.notification.webhook.repository.DeliveryRepository;
import org.bookingplatform.notification.webhook.repository.SubscriptionRepository;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.problem.ProblemException;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A partner's webhook subscriptions and their deliveries; a partner only ever reaches its own. */
@ApplicationScoped
public class WebhookSubscriptions {

    private final SubscriptionRepository subscriptions;
    private final DeliveryRepository deliveries;
    private final TargetGuard guard;
    private final WebhookConfig config;

    public WebhookSubscriptions(SubscriptionRepository subscriptions, DeliveryRepository deliveries, TargetGuard guard,
                                WebhookConfig config) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.guard = guard;
        this.config = config;
    }

    public Uni<WithSecret> create(NewSubscription request) {
        List<String> unknown = request.eventTypes().stream().filter(t -> !WebhookEventTypes.ALL.contains(t)).toList();
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("eventTypes", "unknown event type(s) " + unknown + "; known: " + WebhookEventTypes.ALL.stream().sorted().toList());
        }
        List<String> types = List.copyOf(new LinkedHashSet<>(request.eventTypes()));
        return Uni.createFrom().item(() -> {
                    try {
                        guard.check(request.url());
                        return request.url();
                    } catch (TargetRefused refused) {
                        throw ProblemException.badRequest("url", refused.getMessage());
                    }
                })
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())   // the DNS look-up blocks
                .chain(url -> {
                    String secret = WebhookSigner.newSecret();
                    Subscription subscription = new Subscription(UUID.randomUUID(), request.partnerId(), url, types, secret,
                            null, null, Subscription.Status.ACTIVE, null, Instant.now());
                    return subscriptions.insertWithin(subscription, config.maxSubscriptionsPerPartner())
                            .map(inserted -> {
                                if (!inserted) {
                                    throw ProblemException.conflict("A partner may have at most " + config.maxSubscriptionsPerPartner()
                                            + " webhook subscriptions; delete one first.");
                                }
                                return new WithSecret(subscription, secret);
                            });
                });
    }

    public Uni<List<Subscription>> list(UUID partnerId, PageRequest page) {
        return subscriptions.list(partnerId, page);
    }

    public Uni<Subscription> get(UUID id, UUID partnerId) {
        return subscriptions.find(id, partnerId).map(WebhookSubscriptions::orNotFound);
    }

    public Uni<Void> delete(UUID id, UUID partnerId) {
        return subscriptions.delete(id, partnerId).map(deleted -> {
            if (!deleted) {
                throw notFound();
            }
            return null;
        });
    }

    /** A new current secret; the old one keeps signing for the grace period ({@code secret-grace}). */
    public Uni<WithSecret> rotateSecret(UUID id, UUID partnerId) {
        String secret = WebhookSigner.newSecret();
        return subscriptions.rotate(id, partnerId, secret, config.secretGrace())
                .map(WebhookSubscriptions::orNotFound)
                .map(rotated -> new WithSecret(rotated, secret));
    }

    public Uni<List<Delivery>> deliveries(UUID id, UUID partnerId, PageRequest page) {
        return get(id, partnerId).chain(subscription -> deliveries.list(subscription.id(), page));
    }

    /**
     * Queues a delivery's event again. A paused subscription is resumed by it (the partner says its
     * receiver works again); a disabled one refuses, its receiver having said it is gone.
     */
    public Uni<Delivery> redeliver(UUID id, UUID deliveryId, UUID partnerId) {
        return get(id, partnerId).chain(subscription -> {
            if (subscription.status() == Subscription.Status.DISABLED) {
                throw ProblemException.conflict("The subscription is disabled (its receiver answered 410 Gone); create a new one.");
            }
            return deliveries.redeliver(deliveryId, subscription.id())
                    .map(d -> d.orElseThrow(() -> ProblemException.notFound("No such delivery.")))
                    .call(d -> subscriptions.resumeIfPaused(subscription.id()));
        });
    }

    private static Subscription orNotFound(Optional<Subscription> subscription) {
        return subscription.orElseThrow(WebhookSubscriptions::notFound);
    }

    private static ProblemException notFound() {
        return ProblemException.notFound("No such webhook subscription.");
    }
}
