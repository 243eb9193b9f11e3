package org.bookingplatform.notification.webhook.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The body of {@code POST /webhooks/subscriptions}. */
public record SubscriptionRequest(
        @NotBlank(message = "is required") @Size(max = 2048, message = "must be at most 2048 characters") String url,
        @NotEmpty(message = "must name at least one event type") @Size(max = 20, message = "must name at most 20 event types")
        List<@NotNull(message = "must not be null") @Size(max = 100, message = "is not an event type") String> eventTypes) {
}
