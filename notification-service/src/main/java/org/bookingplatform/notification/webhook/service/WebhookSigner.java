package org.bookingplatform.notification.webhook.service;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;

/** Standard Webhooks secrets and signatures, made by the specification's reference library. */
public final class WebhookSigner {

    public static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSigner() {
    }

    /** {@code whsec_} + base64 of 32 random bytes (the specification asks for 24 to 64). */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        RANDOM.nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /**
     * The {@code webhook-signature} value: one {@code v1,<base64>} per secret, space-separated,
     * so that a receiver that knows any of the secrets (the old one during a rotation) verifies.
     */
    public static String signature(List<String> secrets, String id, long timestampSeconds, String body) {
        return secrets.stream().map(secret -> sign(secret, id, timestampSeconds, body)).collect(Collectors.joining(" "));
    }

    private static String sign(String secret, String id, long timestampSeconds, String body) {
        try {
            return new Webhook(secret).sign(id, timestampSeconds, body);
        } catch (EmptyWebhookSecretException | WebhookSigningException e) {
            throw new IllegalStateException("cannot sign webhook " + id, e);
        }
    }
}
