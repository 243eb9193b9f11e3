package org.bookingplatform.testsupport;

import io.smallrye.jwt.build.Jwt;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Real RS256 access tokens shaped like Keycloak's (realm roles under {@code realm_access.roles},
 * the user id in {@code sub}, the platform's audience in {@code aud}), signed with a key made for
 * this test JVM and published by {@link TestIdentityProvider}, so the whole verification path
 * runs as in production.
 */
public final class TestTokens {

    /** The audience every service and the gateway require (Keycloak client scope "booking-platform"). */
    public static final String AUDIENCE = "booking-platform";

    private static final KeyPair KEYS = generateKeys();

    private TestTokens() {
    }

    static RSAPublicKey publicKey() {
        return (RSAPublicKey) KEYS.getPublic();
    }

    public static String customer(UUID userId) {
        return token(userId, Set.of("customer"), Duration.ofMinutes(5));
    }

    public static String operator(UUID userId) {
        return token(userId, Set.of("operator"), Duration.ofMinutes(5));
    }

    public static String partner(UUID userId) {
        return token(userId, Set.of("partner"), Duration.ofMinutes(5));
    }

    /** A token that expired a minute ago, beyond the default clock skew allowance. */
    public static String expired(UUID userId) {
        return token(userId, Set.of("customer"), Duration.ofMinutes(-1));
    }

    /**
     * A valid token of the same realm issued to another client (Keycloak's {@code account}), which
     * does not carry the platform's audience: signature, issuer, expiry and roles are all in order.
     */
    public static String ofAnotherClient(UUID userId) {
        Instant now = Instant.now();
        return Jwt.issuer(TestIdentityProvider.issuer())
                .subject(userId.toString())
                .audience("account")
                .claim("azp", "account")
                .claim("realm_access", Map.of("roles", List.of("customer")))
                .issuedAt(now.minus(Duration.ofMinutes(2)))
                .expiresAt(now.plus(Duration.ofMinutes(5)))
                .jws().keyId(TestIdentityProvider.KEY_ID)
                .sign(KEYS.getPrivate());
    }

    /** A token signed by a key the services do not trust. */
    public static String signedByStranger(UUID userId) {
        return customerSignedByAFreshKey(TestIdentityProvider.issuer(), TestIdentityProvider.KEY_ID, userId);
    }

    /**
     * A token of another identity provider: its own issuer, signed with its own key under a key id
     * the realm does not publish. Verifying it makes the services look the key id up in the realm's
     * JWKS again; it must still be refused with 401, not taken for an identity provider failure.
     */
    public static String ofAnotherIssuer(UUID userId) {
        return customerSignedByAFreshKey("https://login.other.example/realms/other", "other-issuer-key", userId);
    }

    /** A token of the realm's issuer signed by a key the realm does not publish, under an unknown key id. */
    public static String signedByUnknownKey(UUID userId) {
        return customerSignedByAFreshKey(TestIdentityProvider.issuer(), "unknown-key", userId);
    }

    /** A customer's token with the platform audience, signed by a key made for it alone. */
    private static String customerSignedByAFreshKey(String issuer, String keyId, UUID userId) {
        return Jwt.issuer(issuer).subject(userId.toString())
                .audience(AUDIENCE)
                .claim("realm_access", Map.of("roles", List.of("customer")))
                .expiresIn(Duration.ofMinutes(5))
                .jws().keyId(keyId)
                .sign(generateKeys().getPrivate());
    }

    /** An unsigned token ({@code "alg": "none"}) with claims that would otherwise pass. */
    public static String unsigned(UUID userId) {
        long now = Instant.now().getEpochSecond();
        String header = base64Url("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = base64Url("""
                {"iss":"%s","sub":"%s","aud":"%s","realm_access":{"roles":["customer"]},"iat":%d,"exp":%d}"""
                .formatted(TestIdentityProvider.issuer(), userId, AUDIENCE, now, now + 300));
        return header + "." + claims + ".";
    }

    /**
     * A refresh token of the realm ({@code "typ": "Refresh"}, as Keycloak marks them) presented as
     * a bearer token: validly signed, but not an access token.
     */
    public static String refreshToken(UUID userId) {
        Instant now = Instant.now();
        return Jwt.issuer(TestIdentityProvider.issuer())
                .subject(userId.toString())
                .audience(AUDIENCE)
                .claim("typ", "Refresh")
                .claim("realm_access", Map.of("roles", List.of("customer")))
                .issuedAt(now.minus(Duration.ofMinutes(2)))
                .expiresAt(now.plus(Duration.ofMinutes(5)))
                .jws().keyId(TestIdentityProvider.KEY_ID)
                .sign(KEYS.getPrivate());
    }

    /** Tokens that fail verification, each for another reason, by name: every one must be a 401. */
    public static Map<String, String> unverifiable(UUID userId) {
        return Map.of(
                "another issuer", ofAnotherIssuer(userId),
                "unknown signing key", signedByUnknownKey(userId),
                "signed by a stranger under the realm's key id", signedByStranger(userId),
                "alg none", unsigned(userId),
                "expired", expired(userId),
                "refresh token", refreshToken(userId));
    }

    public static String token(UUID userId, Set<String> roles, Duration validFor) {
        return token(userId.toString(), roles, validFor);
    }

    /** A validly signed token whose subject is any text, e.g. not a user id of this platform. */
    public static String withSubject(String subject, Set<String> roles) {
        return token(subject, roles, Duration.ofMinutes(5));
    }

    private static String token(String userId, Set<String> roles, Duration validFor) {
        Instant now = Instant.now();
        return Jwt.issuer(TestIdentityProvider.issuer())
                .subject(userId)
                .audience(AUDIENCE)
                .claim("azp", "booking-web")
                .upn("user-" + userId)
                .claim("preferred_username", "user-" + userId.substring(0, Math.min(8, userId.length())))
                .claim("email", "user-" + userId + "@example.com")
                .claim("realm_access", Map.of("roles", List.copyOf(roles)))
                .issuedAt(now.minus(Duration.ofMinutes(2)))
                .expiresAt(now.plus(validFor))
                .jws().keyId(TestIdentityProvider.KEY_ID)
                .sign(KEYS.getPrivate());
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static KeyPair generateKeys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
