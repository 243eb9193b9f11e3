package org.bookingplatform.notification.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A partner's webhook subscription. {@code previousSecret} still signs until
 * {@code previousSecretExpiresAt}, so that a partner can roll its receivers over to a new secret.
 */
public record Subscription(UUID id, UUID partnerId, String url, List<String> eventTypes, String secret,
                           String previousSecret, Instant previousSecretExpiresAt, Status status,
                           Instant failingSince, Instant createdAt) {

    public enum Status {
        /** Deliveries are sent. */
        ACTIVE,
        /** Failed continuously for too long: deliveries wait until the partner asks for a redelivery. */
        PAUSED,
        /** The receiver answered 410 Gone: nothing is sent or queued any more. */
        DISABLED
    }

    /** The secrets that sign a delivery now: the current one, and the previous one during its grace period. */
    public List<String> signingSecrets(Instant now) {
        List<String> secrets = new ArrayList<>(List.of(secret));
        if (previousSecret != null && previousSecretExpiresAt != null && now.isBefore(previousSecretExpiresAt)) {
            secrets.add(previousSecret);
        }
        return secrets;
    }
}
