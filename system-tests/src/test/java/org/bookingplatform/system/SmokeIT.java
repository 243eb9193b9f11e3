package org.bookingplatform.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.bookingplatform.system.harness.ApiResponse;
import org.bookingplatform.system.harness.SystemTest;
import org.bookingplatform.system.harness.SystemUnderTest;
import org.junit.jupiter.api.Test;

@SystemTest
class SmokeIT {

    @Test
    void aDemoCustomerSearchesListingsThroughTheGatewayWithAKeycloakToken(SystemUnderTest system) {
        String token = system.demoToken("alice");

        ApiResponse listings = system.gateway(token).get("/api/v1/listings?city=Lisbon");

        assertEquals(200, listings.status(), listings::toString);
        assertTrue(listings.json().path("items").size() > 0, listings::toString);
        assertEquals(200, system.gateway(token).get("/api/v1/users/me").status());
    }
}
