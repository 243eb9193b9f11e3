package org.bookingplatform.testsupport;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a service under test at the shared test PostgreSQL and Kafka, and at
 * {@link TestIdentityProvider} instead of Keycloak for verifying bearer tokens. Use with
 * {@code @QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)}.
 */
public class PlatformTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestInfrastructure.ensureStarted();
        return Map.of(
                "db.host", TestInfrastructure.HOST,
                "db.port", String.valueOf(TestInfrastructure.postgresPort()),
                "kafka.bootstrap.servers", TestInfrastructure.kafkaBootstrapServers(),
                "quarkus.oidc.auth-server-url", TestIdentityProvider.issuer());
    }

    @Override
    public void stop() {
        // The infrastructure is shared by every test class of the run; TestInfrastructure stops it.
    }
}
