package org.bookingplatform.platform.security;

import io.quarkus.oidc.OIDCException;
import io.quarkus.oidc.common.runtime.OidcEndpointAccessException;
import io.quarkus.security.AuthenticationFailedException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.lang.UnresolvableKeyException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The failures are shaped as quarkus-oidc 3.33 raises them: a cause wrapped in AuthenticationFailedException. */
class IdentityProviderFailuresTest {

    @Test
    void aProviderThatCannotBeAskedIsUnreachable() {
        assertTrue(IdentityProviderFailures.providerUnreachable(failed(
                new OIDCException("OIDC Server is not available", new ConnectException("Connection refused")))));
        assertTrue(IdentityProviderFailures.providerUnreachable(failed(new io.smallrye.mutiny.TimeoutException())));
        assertTrue(IdentityProviderFailures.providerUnreachable(failed(new OidcEndpointAccessException(503))));
        assertTrue(IdentityProviderFailures.providerUnreachable(failed(
                new OIDCException("Request http://kc/realms/booking/protocol/openid-connect/certs has failed: status: 503"))));
    }

    @Test
    void aTokenThatFailsVerificationIsTheTokensFault() {
        Map<String, Throwable> tokenFaults = Map.of(
                "wrong type", new OIDCException("Invalid token type"),
                "refresh token", new OIDCException("Refresh token can only be used with the refresh token grant"),
                "introspection refused", new OIDCException("Request http://kc/introspect has failed: status: 401, "
                        + "error message: {\"error\":\"invalid_client\"}"),
                "bad signature, issuer or expiry", new InvalidJwtException("JWT rejected", List.of(), null),
                "unknown key id", new InvalidJwtException("no key", null,
                        new UnresolvableKeyException("JWK with kid 'x' is not available"), null));
        tokenFaults.forEach((reason, cause) ->
                assertFalse(IdentityProviderFailures.providerUnreachable(failed(cause)), reason));
        assertFalse(IdentityProviderFailures.providerUnreachable(new AuthenticationFailedException()));
    }

    private static AuthenticationFailedException failed(Throwable cause) {
        return new AuthenticationFailedException(cause);
    }
}
