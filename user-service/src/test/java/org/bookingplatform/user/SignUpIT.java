package org.bookingplatform.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.KeycloakTestResource;
import org.bookingplatform.testsupport.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.keycloak.admin.client.Keycloak;

import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.user.UserApi.DB;
import static org.bookingplatform.user.UserApi.PASSWORD;
import static org.bookingplatform.user.UserApi.body;
import static org.bookingplatform.user.UserApi.freshEmail;
import static org.bookingplatform.user.UserApi.keycloakUsers;
import static org.bookingplatform.user.UserApi.signUp;
import static org.bookingplatform.user.UserApi.signedUp;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-up against the real test Keycloak (same distribution and realm file as the local platform). */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = false)
class SignUpIT {

    @Inject
    Keycloak keycloak;

    @Test
    void signedUpCustomerLogsInWithThePasswordAndTheTokenCarriesCustomer() {
        String email = freshEmail();
        UUID id = UUID.fromString(signUp("{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"" + PASSWORD
                + "\",\"displayName\":\"Ada Lovelace\",\"locale\":\"pt\",\"phone\":\"+351912345678\"}")
                .statusCode(201)
                .body("email", equalTo(email))
                .body("locale", equalTo("pt"))
                .body("emailPreferences.refunded", equalTo(true))
                .extract().path("id"));

        String token = TestKeycloak.login(email, PASSWORD).orElseThrow(() -> new AssertionError("the new account cannot log in"));
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertTrue(claims.contains("\"customer\""), "the token carries the customer role: " + claims);
        assertTrue(claims.contains("\"sub\":\"" + id + "\""), "the profile id is the Keycloak user id");

        given().auth().oauth2(token).when().get("/users/me").then().statusCode(200)
                .body("id", equalTo(id.toString())).body("phone", equalTo("+351912345678"));
        assertEquals(1, DB.count("SELECT count(*) FROM user_profile WHERE id = ? AND email = ?", id, email));

        List<ConsumerRecord<String, String>> events = KafkaTestClient.collect("user.events", KafkaTestClient.withKey(id), Duration.ofSeconds(6));
        assertEquals(1, events.size(), "one user.registered, and no second one from the first GET /users/me");
        EventContracts.assertValid(events.get(0));
        assertEquals("org.bookingplatform.user.registered", KafkaTestClient.header(events.get(0), "ce_type"));
    }

    @Test
    void aTakenEmailIsAConflict() {
        String email = freshEmail();
        signedUp(email);

        signUp(body(email, PASSWORD, "Someone Else")).statusCode(409).contentType("application/problem+json");
        assertEquals(1, keycloakUsers(keycloak, email).size());
    }

    @Test
    void aWeakPasswordIsRefusedNamingTheRuleOfThePolicy() {
        String email = freshEmail();
        signUp(body(email, "short", "Ada")).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("password"))
                .body("detail", containsString("minimum length 12"));
        signUp(body(email, email, "Ada")).statusCode(400)
                .body("errors.field", hasItem("password"))
                .body("detail", containsString("username"));

        assertEquals(0, keycloakUsers(keycloak, email).size());
        assertEquals(0, DB.count("SELECT count(*) FROM user_profile WHERE email = ?", email));
    }

    @Test
    void theKeycloakAccountIsRemovedWhenTheProfileCannotBeStored() {
        // A profile that outlived its Keycloak account (deleted there by hand): Keycloak accepts
        // the address, the profile insert then fails on the unique e-mail index.
        String email = freshEmail();
        DB.update("INSERT INTO user_profile (id, email, display_name, version) VALUES (?, ?, 'Stale', 1)", UUID.randomUUID(), email);

        signUp(body(email, PASSWORD, "Ada")).statusCode(409).contentType("application/problem+json");

        assertEquals(0, keycloakUsers(keycloak, email).size(), "the compensation removed the Keycloak account");
        assertTrue(TestKeycloak.login(email, PASSWORD).isEmpty());
    }

    @Test
    void twoConcurrentSignUpsWithOneEmailMakeOneAccount() throws Exception {
        String email = freshEmail();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> attempts = List.of(1, 2).stream()
                .map(n -> CompletableFuture.supplyAsync(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                    return given().contentType("application/json").body(body(email, PASSWORD, "Twin " + n))
                            .post("/users").statusCode();
                }))
                .toList();
        start.countDown();
        List<Integer> statuses = attempts.stream().map(CompletableFuture::join).sorted().toList();

        assertEquals(List.of(201, 409), statuses);
        assertEquals(1, keycloakUsers(keycloak, email).size());
        assertEquals(1, DB.count("SELECT count(*) FROM user_profile WHERE email = ?", email));
    }

    @Test
    void aRetriedSignUpWithItsIdempotencyKeyReplaysTheFirstAnswer() {
        String email = freshEmail();
        String key = "sign-up-" + UUID.randomUUID();
        Response first = given().contentType("application/json").header("Idempotency-Key", key)
                .body(body(email, PASSWORD, "Ada")).post("/users");
        Response retry = given().contentType("application/json").header("Idempotency-Key", key)
                .body(body(email, PASSWORD, "Ada")).post("/users");

        assertEquals(201, first.statusCode());
        assertEquals(201, retry.statusCode());
        assertEquals("true", retry.header("Idempotent-Replayed"));
        assertEquals(first.jsonPath().getString("id"), retry.jsonPath().getString("id"));
        given().contentType("application/json").header("Idempotency-Key", key)
                .body(body(email, PASSWORD, "Somebody Else")).post("/users").then().statusCode(409);
        assertEquals(1, keycloakUsers(keycloak, email).size());
    }

    @ParameterizedTest(name = "{0} -> 400 naming {1}")
    @CsvSource(delimiter = '|', value = {
            "malformed e-mail|email|{\"email\":\"not-an-address\",\"password\":\"correct-horse-battery\",\"displayName\":\"Ada\"}",
            "e-mail without a domain|email|{\"email\":\"ada@localhost\",\"password\":\"correct-horse-battery\",\"displayName\":\"Ada\"}",
            "unknown locale|locale|{\"email\":\"EMAIL\",\"password\":\"correct-horse-battery\",\"displayName\":\"Ada\",\"locale\":\"xx\"}",
            "invalid phone|phone|{\"email\":\"EMAIL\",\"password\":\"correct-horse-battery\",\"displayName\":\"Ada\",\"phone\":\"0912 345 678\"}",
            "oversized name|displayName|{\"email\":\"EMAIL\",\"password\":\"correct-horse-battery\",\"displayName\":\"LONG\"}",
            "blank name|displayName|{\"email\":\"EMAIL\",\"password\":\"correct-horse-battery\",\"displayName\":\"  \"}",
            "unknown field|isAdmin|{\"email\":\"EMAIL\",\"password\":\"correct-horse-battery\",\"displayName\":\"Ada\",\"isAdmin\":true}",
            "password over 128|password|{\"email\":\"EMAIL\",\"password\":\"PASSWORD129\",\"displayName\":\"Ada\"}",
            "missing password|password|{\"email\":\"EMAIL\",\"displayName\":\"Ada\"}",
    })
    void badInputIsA400NamingTheFieldAndCreatesNothing(String what, String field, String template) {
        String email = freshEmail();
        String json = template.replace("EMAIL", email).replace("LONG", "x".repeat(101)).replace("PASSWORD129", "p".repeat(129));

        signUp(json).statusCode(400).contentType("application/problem+json").body("errors.field", hasItem(field));

        assertEquals(0, keycloakUsers(keycloak, email).size());
        assertEquals(0, DB.count("SELECT count(*) FROM user_profile WHERE email = ?", email));
    }
}
