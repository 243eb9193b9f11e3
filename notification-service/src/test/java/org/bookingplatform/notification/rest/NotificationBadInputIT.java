package org.bookingplatform.notification.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

/** Malformed and extreme parameters are answered with a problem, never a server error. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class NotificationBadInputIT {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({"unread, maybe", "unread, 1", "bookingId, not-a-uuid", "bookingId, 1234", "page, -1", "size, 0", "size, 101",
            "size, 2147483647", "page, abc", "size, 1e9"})
    void malformedListParameterIsAProblem(String name, String value) {
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).queryParam(name, value)
                .when().get("/notifications")
                .then().statusCode(lessThan(500)).statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400))
                .contentType("application/problem+json");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"unread", "bookingId"})
    void malformedFilterNamesItsField(String name) {
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).queryParam(name, "nonsense")
                .when().get("/notifications")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo(name));
    }

    @Test
    void aPageBeyondTheEndIsEmptyAndAPageBeyondTheBoundIsABadRequest() {
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).queryParam("page", PageRequest.MAX_PAGE).queryParam("size", 100)
                .when().get("/notifications")
                .then().statusCode(200).body("items", hasSize(0)).body("hasMore", equalTo(false));
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).queryParam("page", Integer.MAX_VALUE).queryParam("size", 100)
                .when().get("/notifications")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"not-a-uuid", "00000000-0000-0000-0000-000000000000", "%27%20or%201%3D1"})
    void markingAnUnknownNotificationIsNotFound(String id) {
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).urlEncodingEnabled(false)
                .when().post("/notifications/" + id + "/read")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void everyEndpointWantsAToken() {
        given().when().get("/notifications").then().statusCode(401).contentType("application/problem+json");
        given().when().post("/notifications/read-all").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired(UUID.randomUUID())).when().get("/notifications")
                .then().statusCode(401).contentType("application/problem+json");
    }
}
