package org.bookingplatform.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.UUID;
import org.bookingplatform.system.harness.ApiResponse;
import org.bookingplatform.system.harness.SystemTest;
import org.bookingplatform.system.harness.SystemUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Tokens the gateway must refuse with 401 problem+json and a Bearer challenge: expired, signed by
 * a key the realm does not have, unsigned (alg: none), from another issuer. The expired and
 * other-issuer tokens are signed by a key the realm does trust (registered for this class, see
 * {@link RealmSigningKey}): the same claims with a valid expiry and the realm's issuer pass, so
 * the refusal is the expiry's or the issuer's.
 */
@SystemTest
class BadTokensIT {

    private static final String PROTECTED = "/api/v1/bookings";

    private static final RealmSigningKey trusted = new RealmSigningKey();
    private static Calls calls;
    private static String realToken;

    @BeforeAll
    static void setUp(SystemUnderTest system) {
        calls = new Calls(system.gatewayUrl());
        realToken = system.token(system.signUp());
        trusted.register(system);
    }

    @AfterAll
    static void tearDown() {
        trusted.unregister();
    }

    /** The customer's own claims, valid for another five minutes from now. */
    private static ObjectNode validClaims() {
        long now = Instant.now().getEpochSecond();
        return RealmSigningKey.claims(realToken).put("iat", now).put("exp", now + 300).put("jti", UUID.randomUUID().toString());
    }

    @Test
    void anExpiredTokenIsRefusedWhileTheSameClaimsUnexpiredPass() {
        ApiResponse fresh = calls.send("GET", PROTECTED, trusted.sign(validClaims()));
        assertEquals(200, fresh.status(), () -> "a token of the registered realm key, unexpired: " + fresh);
        long now = Instant.now().getEpochSecond();
        assertRefused(trusted.sign(validClaims().put("iat", now - 1200).put("nbf", now - 1200).put("exp", now - 600)), "expired 10 minutes ago");
    }

    @Test
    void aTokenOfAnotherIssuerIsRefused() {
        // Signed by a key the realm trusts: only the issuer is wrong.
        assertRefused(trusted.sign(validClaims().put("iss", "http://localhost:1/realms/booking")), "issuer of another server");
    }

    @Test
    void aTokenSignedByAnotherKeyIsRefused() {
        String realmKid = RealmSigningKey.header(realToken).path("kid").asText();
        assertRefused(RealmSigningKey.unknown(realmKid).sign(validClaims()), "another key under the realm's kid");
        assertRefused(RealmSigningKey.unknown(UUID.randomUUID().toString()).sign(validClaims()), "another key under an unknown kid");
    }

    @Test
    void anUnsignedTokenIsRefused() {
        String realmKid = RealmSigningKey.header(realToken).path("kid").asText();
        assertRefused(RealmSigningKey.unsigned(validClaims(), realmKid), "alg none");
    }

    @Test
    void aTamperedTokenIsRefused() {
        // The real token with its subject changed: Keycloak's signature no longer matches.
        String[] parts = trusted.sign(validClaims().put("sub", UUID.randomUUID().toString())).split("\\.");
        String[] real = realToken.split("\\.");
        assertRefused(real[0] + "." + parts[1] + "." + real[2], "real signature, other claims");
    }

    private static void assertRefused(String token, String what) {
        ApiResponse response = calls.send("GET", PROTECTED, token);
        Calls.assertProblem(401, response, what);
        String challenge = response.header("WWW-Authenticate");
        assertNotNull(challenge, () -> what + ": no WWW-Authenticate: " + response);
        assertEquals("bearer", challenge.trim().split("\\s+")[0].toLowerCase(), () -> what + ": challenge " + challenge);
    }
}
