package org.bookingplatform.notification.webhook.service;

import java.util.List;
import java.util.UUID;

/** A partner's request to receive the given event types at a URL. */
public record NewSubscription(UUID partnerId, String url, List<String> eventTypes) {
}
