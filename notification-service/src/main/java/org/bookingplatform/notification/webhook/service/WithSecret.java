package org.bookingplatform.notification.webhook.service;

import org.bookingplatform.notification.webhook.Subscription;

/** A subscription together with its newly made secret: the only time the secret is shown. */
public record WithSecret(Subscription subscription, String secret) {
}
