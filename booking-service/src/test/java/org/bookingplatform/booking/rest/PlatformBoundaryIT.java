package org.bookingplatform.booking.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** What only this platform's clients reach: tokens issued for it, and the API (not health or metrics). */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class PlatformBoundaryIT {

    @ConfigProperty(name = "test.management.url")
    String managementUrl;

    @Test
    void aTokenOfAnotherClientOfTheRealmWithoutThePlatformAudienceIs401() {
        UUID user = UUID.randomUUID();
        given().auth().oauth2(TestTokens.ofAnotherClient(user))
                .when().get("/bookings")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.customer(user))
                .when().get("/bookings")
                .then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreOnlyOnTheManagementPort() {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);

        int management = URI.create(managementUrl).getPort();
        given().port(management).when().get("/q/health/ready").then().statusCode(200);
        given().port(management).when().get("/q/metrics").then().statusCode(200);
    }
}
