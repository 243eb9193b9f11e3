package org.bookingplatform.user.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.testsupport.KeycloakTestResource;
import org.bookingplatform.testsupport.PlatformBoundary;
import org.bookingplatform.testsupport.TestKeycloak;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What only this platform's clients reach: tokens issued for it, and the API (not health or metrics).
 * Against the real test Keycloak, like every test of this module: the token of another client of the
 * realm is user-service's own service account, which has no platform audience.
 */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = false)
class PlatformBoundaryIT {

    @ConfigProperty(name = "test.management.url")
    String managementUrl;

    @Test
    void aTokenOfAnotherClientOfTheRealmWithoutThePlatformAudienceIs401() {
        PlatformBoundary.assertOnlyPlatformTokensAccepted("/users/me",
                TestKeycloak.userServiceAccount(), TestKeycloak.demoUser("bob"));
    }

    @Test
    void healthAndMetricsAreOnlyOnTheManagementPort() {
        PlatformBoundary.assertHealthAndMetricsOnlyOnManagementPort(managementUrl);
    }
}
