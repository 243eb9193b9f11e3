package org.bookingplatform.payment.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.testsupport.PlatformBoundary;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.util.UUID;

/** What only this platform's clients reach: tokens issued for it, and the API (not health or metrics). */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class PlatformBoundaryIT {

    @ConfigProperty(name = "test.management.url")
    String managementUrl;

    @Test
    void aTokenOfAnotherClientOfTheRealmWithoutThePlatformAudienceIs401() {
        UUID user = UUID.randomUUID();
        PlatformBoundary.assertOnlyPlatformTokensAccepted("/payments",
                TestTokens.ofAnotherClient(user), TestTokens.customer(user));
    }

    @Test
    void healthAndMetricsAreOnlyOnTheManagementPort() {
        PlatformBoundary.assertHealthAndMetricsOnlyOnManagementPort(managementUrl);
    }
}
