package org.bookingplatform.user.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.testsupport.KeycloakTestResource;
import org.bookingplatform.testsupport.TestKeycloak;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static io.restassured.RestAssured.given;

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
        given().auth().oauth2(TestKeycloak.userServiceAccount())
                .when().get("/users/me")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestKeycloak.demoUser("bob"))
                .when().get("/users/me")
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
