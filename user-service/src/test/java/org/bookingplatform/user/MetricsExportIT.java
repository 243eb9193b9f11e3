package org.bookingplatform.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.testsupport.ExportedMetrics;
import org.bookingplatform.testsupport.KeycloakTestResource;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static io.restassured.RestAssured.given;

/** The management port exports every metric the dashboard and the alerts expect of user-service. */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = false)
class MetricsExportIT {

    @TestHTTPResource(value = "/metrics", management = true)
    URI metrics;

    @Test
    void exportsEveryMetricTheDashboardAndAlertsExpectOfUserService() {
        given().when().get("/users/me").then().statusCode(401);

        ExportedMetrics.assertExported("user-service", metrics);
    }
}
