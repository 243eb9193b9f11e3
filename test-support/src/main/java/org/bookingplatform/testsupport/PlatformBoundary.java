package org.bookingplatform.testsupport;

import java.net.URI;

import static io.restassured.RestAssured.given;

/**
 * The boundary every service keeps: only tokens issued for this platform reach its API, and health and
 * metrics answer only on the management interface, never on the public port.
 */
public final class PlatformBoundary {

    private PlatformBoundary() {
    }

    /** {@code path} answers 401 problem+json to {@code foreignToken} and 200 to {@code ownToken}. */
    public static void assertOnlyPlatformTokensAccepted(String path, String foreignToken, String ownToken) {
        given().auth().oauth2(foreignToken)
                .when().get(path)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(ownToken)
                .when().get(path)
                .then().statusCode(200);
    }

    /** Health and metrics: 404 on the public port under test, 200 on the management interface. */
    public static void assertHealthAndMetricsOnlyOnManagementPort(String managementUrl) {
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);

        int management = URI.create(managementUrl).getPort();
        given().port(management).when().get("/q/health/ready").then().statusCode(200);
        given().port(management).when().get("/q/metrics").then().statusCode(200);
    }
}
