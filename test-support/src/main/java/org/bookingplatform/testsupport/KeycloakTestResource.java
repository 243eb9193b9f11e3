package org.bookingplatform.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Like {@link PlatformTestResource}, but with the real test Keycloak instead of
 * {@link TestIdentityProvider}: bearer tokens are verified against its realm {@code booking}, and
 * the Keycloak admin client (quarkus-keycloak-admin-rest-client) logs in as the confidential
 * {@code user-service} client. For tests of what only a real Keycloak shows: sign-up, password
 * policy, password-grant login, account deletion.
 */
public class KeycloakTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String keycloak = TestInfrastructure.keycloakUrl();
        return Map.of(
                "db.host", TestInfrastructure.HOST,
                "db.port", String.valueOf(TestInfrastructure.postgresPort()),
                "kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(),
                "quarkus.oidc.auth-server-url", keycloak + "/realms/booking",
                "quarkus.keycloak.admin-client.server-url", keycloak,
                "quarkus.keycloak.admin-client.client-secret", TestInfrastructure.USER_SERVICE_CLIENT_SECRET);
    }

    @Override
    public void stop() {
        // Keycloak serves every test class of the run; TestInfrastructure stops it.
    }
}
