package org.bookingplatform.notification.webhook.service;

import java.util.Set;

/** The CloudEvent types a partner may subscribe to: booking.events, the platform's public topic. */
public final class WebhookEventTypes {

    public static final Set<String> ALL = Set.of(
            "org.bookingplatform.booking.requested",
            "org.bookingplatform.booking.confirmed",
            "org.bookingplatform.booking.expired",
            "org.bookingplatform.booking.cancelled",
            "org.bookingplatform.booking.payment-rejected");

    private WebhookEventTypes() {
    }
}
