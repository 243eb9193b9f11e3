package org.bookingplatform.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * For services under test that need no database or broker (the gateway): only points OIDC at
 * {@link TestIdentityProvider}, so tokens from {@link TestTokens} verify as real Keycloak ones.
 */
public class IdentityTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("quarkus.oidc.auth-server-url", TestIdentityProvider.issuer());
    }

    @Override
    public void stop() {
        // The identity provider lives as long as the test JVM; tokens issued earlier stay verifiable.
    }
}
