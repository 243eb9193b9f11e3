package org.bookingplatform.notification.webhook.service;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WebhookSignerTest {

    @Test
    void aSecretIsWhsecAndAtLeast24RandomBytes() {
        String secret = WebhookSigner.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertTrue(Base64.getDecoder().decode(secret.substring(6)).length >= 24);
        assertNotEquals(secret, WebhookSigner.newSecret());
    }

    @Test
    void duringARotationTheReferenceVerifierAcceptsEitherSecretAndNoOther() throws Exception {
        String current = WebhookSigner.newSecret();
        String previous = WebhookSigner.newSecret();
        String body = "{\"specversion\":\"1.0\",\"id\":\"e1\"}";
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSigner.signature(List.of(current, previous), "e1", now, body);
        assertEquals(2, signature.split(" ").length);
        Map<String, List<String>> headers = Map.of("webhook-id", List.of("e1"), "webhook-timestamp", List.of(String.valueOf(now)),
                "webhook-signature", List.of(signature));
        assertDoesNotThrow(() -> new Webhook(current).verify(body, headers));
        assertDoesNotThrow(() -> new Webhook(previous).verify(body, headers));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(WebhookSigner.newSecret()).verify(body, headers));
        assertThrows(WebhookVerificationException.class, () -> new Webhook(current).verify(body + " ", headers));
    }
}
