package org.bookingplatform.user;

import io.restassured.response.ValidatableResponse;
import org.bookingplatform.testsupport.TestDatabase;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;

import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The user-service API as the tests use it, and what Keycloak and the database hold. */
final class UserApi {

    static final TestDatabase DB = TestDatabase.of("user_service");
    static final String PASSWORD = "correct-horse-battery";

    private UserApi() {
    }

    static String freshEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    static String body(String email, String password, String displayName) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + password + "\",\"displayName\":\"" + displayName + "\"}";
    }

    static ValidatableResponse signUp(String json) {
        return given().contentType("application/json").body(json).when().post("/users").then();
    }

    static UUID signedUp(String email) {
        return UUID.fromString(signUp(body(email, PASSWORD, "Ada Lovelace")).statusCode(201).extract().path("id"));
    }

    static List<UserRepresentation> keycloakUsers(Keycloak keycloak, String email) {
        return keycloak.realm("booking").users().searchByEmail(email, true);
    }
}
