package org.bookingplatform.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.KeycloakTestResource;
import org.bookingplatform.testsupport.TestKeycloak;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.user.UserApi.DB;
import static org.bookingplatform.user.UserApi.PASSWORD;
import static org.bookingplatform.user.UserApi.freshEmail;
import static org.bookingplatform.user.UserApi.signUp;
import static org.bookingplatform.user.UserApi.signedUp;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = false)
class ProfileIT {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Test
    void aUserMadeDirectlyInKeycloakGetsAProfileOnTheFirstCallOnce() {
        String token = TestKeycloak.demoUser("bob");
        String id = given().auth().oauth2(token).get("/users/me").then().statusCode(200)
                .body("email", equalTo("bob@example.com"))
                .body("emailPreferences.holdCreated", equalTo(true))
                .extract().path("id");
        given().auth().oauth2(token).get("/users/me").then().statusCode(200);

        assertEquals(1, DB.count("SELECT count(*) FROM user_profile WHERE id = ?", UUID.fromString(id)));
    }

    @Test
    void aMergePatchChangesTheProfileAndPublishesUserUpdatedWithAGrowingVersion() {
        String email = freshEmail();
        UUID id = signedUp(email);
        String token = TestKeycloak.login(email, PASSWORD).orElseThrow();

        patch(token, "{\"displayName\":\"Ada King\",\"phone\":\"+441234567890\",\"locale\":\"DE\"}").statusCode(200)
                .body("displayName", equalTo("Ada King")).body("locale", equalTo("de"));
        patch(token, "{\"phone\":null,\"emailPreferences\":{\"expired\":false}}").statusCode(200)
                .body("phone", nullValue())
                .body("emailPreferences.expired", equalTo(false))
                .body("emailPreferences.confirmed", equalTo(true));
        patch(token, "{\"phone\":null}").statusCode(200);

        List<ConsumerRecord<String, String>> events = KafkaTestClient.collect("user.events", KafkaTestClient.withKey(id), Duration.ofSeconds(6));
        assertEquals(List.of("org.bookingplatform.user.registered", "org.bookingplatform.user.updated", "org.bookingplatform.user.updated"),
                events.stream().map(e -> KafkaTestClient.header(e, "ce_type")).toList(),
                "a patch that changes nothing publishes nothing");
        events.forEach(EventContracts::assertValid);
        List<String> versions = events.stream().map(e -> e.value().replaceAll(".*\"version\":(\\d+).*", "$1")).toList();
        assertEquals(List.of("1", "2", "3"), versions);
        assertEquals(1, DB.count("SELECT count(*) FROM user_profile WHERE id = ? AND version = 3 AND phone IS NULL", id));
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "unknown locale|locale|{\"locale\":\"tlh\"}",
            "invalid phone|phone|{\"phone\":\"12345\"}",
            "oversized name|displayName|{\"displayName\":\"LONG\"}",
            "removing the name|displayName|{\"displayName\":null}",
            "unknown field|email|{\"email\":\"someone@example.com\"}",
            "unknown kind|emailPreferences.marketing|{\"emailPreferences\":{\"marketing\":true}}",
            "not a switch|emailPreferences.confirmed|{\"emailPreferences\":{\"confirmed\":\"yes\"}}",
            "not an object|body|[1,2]",
            "not JSON|body|{displayName",
    })
    void badPatchesAre400NamingTheFieldAndChangeNothing(String what, String field, String patch) {
        String email = freshEmail();
        UUID id = signedUp(email);
        String token = TestKeycloak.login(email, PASSWORD).orElseThrow();

        patch(token, patch.replace("LONG", "y".repeat(101))).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));

        assertEquals(1, DB.count("SELECT count(*) FROM user_profile WHERE id = ? AND version = 1 AND display_name = 'Ada Lovelace'", id));
    }

    @Test
    void oneCustomerCannotReadOrChangeAnothersProfile() {
        String aliceToken = TestKeycloak.demoUser("alice");
        String alice = given().auth().oauth2(aliceToken).get("/users/me").then().statusCode(200).extract().path("id");
        String bobToken = TestKeycloak.demoUser("bob");

        given().auth().oauth2(bobToken).get("/users/" + alice).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(bobToken).delete("/users/" + alice).then().statusCode(403);
        given().auth().oauth2(bobToken).contentType(MERGE_PATCH).body("{\"displayName\":\"Mallory\"}")
                .patch("/users/" + alice).then().statusCode(405);
        patch(bobToken, "{\"displayName\":\"Bob B.\"}").statusCode(200).body("id", equalTo(
                given().auth().oauth2(bobToken).get("/users/me").then().extract().path("id")));

        given().auth().oauth2(aliceToken).get("/users/me").then().statusCode(200).body("displayName", equalTo("Alice Demo"));
    }

    @Test
    void onlyOperatorsListAndReadUsers() {
        String email = freshEmail();
        UUID id = signedUp(email);
        String operator = TestKeycloak.demoUser("olivia");

        given().auth().oauth2(operator).queryParam("query", email.substring(0, 20).toUpperCase()).get("/users").then().statusCode(200)
                .body("items.id", hasItem(id.toString())).body("page", equalTo(0));
        given().auth().oauth2(operator).get("/users/" + id).then().statusCode(200).body("email", equalTo(email));
        given().auth().oauth2(operator).get("/users/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(operator).queryParam("size", 101).get("/users").then().statusCode(400).body("errors.field", hasItem("size"));
        given().auth().oauth2(operator).queryParam("page", PageRequest.MAX_PAGE).queryParam("size", 100).get("/users").then().statusCode(200)
                .body("items", empty());
        given().auth().oauth2(operator).queryParam("page", Integer.MAX_VALUE).queryParam("size", 100).get("/users").then().statusCode(400)
                .body("errors.field", hasItem("page"));

        given().auth().oauth2(TestKeycloak.demoUser("paula")).get("/users").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestKeycloak.demoUser("paula")).get("/users/" + id).then().statusCode(403);
        given().auth().oauth2(TestKeycloak.demoUser("alice")).get("/users").then().statusCode(403);
        given().get("/users").then().statusCode(401);
    }

    @Test
    void aTokenNotIssuedByTheRealmIsRejectedWithProblemJson() {
        given().auth().oauth2(TestTokens.expired(UUID.randomUUID()))
                .when().get("/users/me")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    private static io.restassured.response.ValidatableResponse patch(String token, String json) {
        return given().auth().oauth2(token).contentType(MERGE_PATCH).body(json).patch("/users/me").then();
    }
}
