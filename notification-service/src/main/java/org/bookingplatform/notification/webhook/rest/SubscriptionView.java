package org.bookingplatform.notification.webhook.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bookingplatform.notification.webhook.Subscription;
import org.bookingplatform.notification.webhook.service.WithSecret;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A subscription as its partner sees it; {@code secret} only in the answers that made a new one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubscriptionView(UUID id, String url, List<String> eventTypes, String status, Instant createdAt,
                               Instant previousSecretExpiresAt, String secret) {

    public static SubscriptionView of(Subscription s) {
        Instant grace = s.previousSecretExpiresAt() != null && s.previousSecretExpiresAt().isAfter(Instant.now())
                ? s.previousSecretExpiresAt() : null;
        return new SubscriptionView(s.id(), s.url(), s.eventTypes(), s.status().name(), s.createdAt(), grace, null);
    }

    public static SubscriptionView withSecret(WithSecret created) {
        SubscriptionView view = of(created.subscription());
        return new SubscriptionView(view.id(), view.url(), view.eventTypes(), view.status(), view.createdAt(),
                view.previousSecretExpiresAt(), created.secret());
    }
}
