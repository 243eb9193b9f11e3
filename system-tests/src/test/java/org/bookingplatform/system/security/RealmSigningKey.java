package org.bookingplatform.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.bookingplatform.system.harness.ApiResponse;
import org.bookingplatform.system.harness.Http;
import org.bookingplatform.system.harness.Json;
import org.bookingplatform.system.harness.SystemUnderTest;

/**
 * RS256 keys for hand-made tokens. {@link #register} adds a key of the test's own to the realm
 * (Keycloak's admin API, lowest priority: the realm keeps signing with its own key), so that the
 * gateway trusts it and a token signed with it fails for the one reason the test gives it
 * (expiry, issuer), not for its signature; {@link #unregister} removes it again.
 */
final class RealmSigningKey {

    private static final String REALM = "/admin/realms/booking";

    private final KeyPair keys;
    private String kid;
    private String componentId;
    private Http admin;

    RealmSigningKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            keys = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A key the realm never heard of, signing with the given kid. */
    static RealmSigningKey unknown(String kid) {
        RealmSigningKey key = new RealmSigningKey();
        key.kid = kid;
        return key;
    }

    void register(SystemUnderTest system) {
        ApiResponse login = new Http(system.keycloakUrl(), null).postForm("/realms/master/protocol/openid-connect/token",
                Map.of("grant_type", "password", "client_id", "admin-cli", "username", "admin",
                        "password", system.secret("KEYCLOAK_ADMIN_PASSWORD")));
        assertEquals(200, login.status(), login::toString);
        admin = new Http(system.keycloakUrl(), login.json().path("access_token").asText());
        String realmId = admin.get(REALM).json().path("id").asText();
        String pem = "-----BEGIN PRIVATE KEY-----\n" + Base64.getEncoder().encodeToString(keys.getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
        ApiResponse created = admin.post(REALM + "/components", Map.of("name", "system-tests-bad-tokens", "providerId", "rsa",
                "providerType", "org.keycloak.keys.KeyProvider", "parentId", realmId,
                "config", Map.of("priority", List.of("1"), "enabled", List.of("true"), "active", List.of("true"),
                        "algorithm", List.of("RS256"), "privateKey", List.of(pem))));
        assertEquals(201, created.status(), created::toString);
        String location = created.header("Location");
        componentId = location.substring(location.lastIndexOf('/') + 1);
        for (JsonNode key : admin.get(REALM + "/keys").json().path("keys")) {
            if (componentId.equals(key.path("providerId").asText())) {
                kid = key.path("kid").asText();
            }
        }
        if (kid == null) {
            throw new IllegalStateException("the realm does not list the registered key");
        }
    }

    void unregister() {
        if (componentId != null) {
            admin.delete(REALM + "/components/" + componentId);
        }
    }

    /** The token's claims, signed with this key (RS256, this key's kid). */
    String sign(JsonNode claims) {
        ObjectNode header = Json.object().put("alg", "RS256").put("typ", "JWT").put("kid", kid);
        String signingInput = encode(header) + "." + encode(claims);
        try {
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.getPrivate());
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The claims without any signature: {@code alg: none}. */
    static String unsigned(JsonNode claims, String kid) {
        return encode(Json.object().put("alg", "none").put("typ", "JWT").put("kid", kid)) + "." + encode(claims) + ".";
    }

    static JsonNode header(String jwt) {
        return part(jwt, 0);
    }

    static ObjectNode claims(String jwt) {
        return (ObjectNode) part(jwt, 1);
    }

    private static JsonNode part(String jwt, int index) {
        return Json.parse(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    private static String encode(JsonNode json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }
}
