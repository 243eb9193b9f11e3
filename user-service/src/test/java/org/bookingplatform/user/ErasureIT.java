package org.bookingplatform.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.KeycloakTestResource;
import org.bookingplatform.testsupport.TestKeycloak;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.bookingplatform.user.UserApi.DB;
import static org.bookingplatform.user.UserApi.PASSWORD;
import static org.bookingplatform.user.UserApi.freshEmail;
import static org.bookingplatform.user.UserApi.keycloakUsers;
import static org.bookingplatform.user.UserApi.signUp;
import static org.bookingplatform.user.UserApi.signedUp;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = false)
class ErasureIT {

    @Inject
    Keycloak keycloak;

    @Test
    void erasureEndsTheLoginPublishesUserErasedAndLeavesNoPersonalDataInAnyTable() {
        String email = freshEmail();
        String key = "sign-up-" + UUID.randomUUID();
        UUID id = UUID.fromString(given().contentType("application/json").header("Idempotency-Key", key)
                .body("{\"email\":\"" + email + "\",\"password\":\"" + PASSWORD + "\",\"displayName\":\"Grace Hopper\",\"phone\":\"+15551234567\"}")
                .post("/users").then().statusCode(201).extract().path("id"));
        String token = TestKeycloak.login(email, PASSWORD).orElseThrow();

        given().auth().oauth2(token).delete("/users/me").then().statusCode(204);

        assertTrue(TestKeycloak.login(email, PASSWORD).isEmpty(), "the erased account can no longer log in");
        assertEquals(0, keycloakUsers(keycloak, email).size());
        List<ConsumerRecord<String, String>> erased = KafkaTestClient.await("user.events",
                KafkaTestClient.withKey(id).and(r -> "org.bookingplatform.user.erased".equals(KafkaTestClient.header(r, "ce_type"))),
                1, Duration.ofSeconds(15));
        assertEquals(1, erased.size());
        EventContracts.assertValid(erased.get(0));
        assertEquals(1, DB.count("SELECT count(*) FROM user_profile WHERE id = ? AND erased_at IS NOT NULL AND email IS NULL "
                + "AND display_name IS NULL AND phone IS NULL", id));
        // The relay deletes sent outbox rows (user.registered carried the address), and the
        // sign-up's stored Idempotency-Key answer is forgotten: no table holds the data any more.
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertEquals(0, rowsMentioning(email) + rowsMentioning("Grace Hopper") + rowsMentioning("+15551234567")));

        // The still valid token cannot bring the profile back, and repeating the erasure changes nothing.
        given().auth().oauth2(token).get("/users/me").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(token).delete("/users/me").then().statusCode(204);
        assertEquals(1, KafkaTestClient.collect("user.events", KafkaTestClient.withKey(id)
                .and(r -> "org.bookingplatform.user.erased".equals(KafkaTestClient.header(r, "ce_type"))), Duration.ofSeconds(4)).size());
    }

    @Test
    void anOperatorErasesAnotherAccountAndUnknownOnesAre404() {
        String email = freshEmail();
        UUID id = signedUp(email);
        String operator = TestKeycloak.demoUser("olivia");

        given().auth().oauth2(operator).delete("/users/" + id).then().statusCode(204);
        given().auth().oauth2(operator).delete("/users/" + UUID.randomUUID()).then().statusCode(404);

        assertTrue(TestKeycloak.login(email, PASSWORD).isEmpty());
        given().auth().oauth2(operator).get("/users/" + id).then().statusCode(404);
        assertEquals(1, DB.count("SELECT count(*) FROM user_profile WHERE id = ? AND email IS NULL", id));
    }

    /** The partner-demo client's token has the platform audience and a user behind it, but no person. */
    @Test
    void aServiceAccountMayNotEraseAndNothingIsErased() {
        String partnerSystem = TestKeycloak.partnerServiceAccount();
        UUID serviceAccountUser = subjectOf(partnerSystem);

        given().auth().oauth2(partnerSystem).delete("/users/me")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));

        assertEquals("service-account-partner-demo",
                keycloak.realm("booking").users().get(serviceAccountUser.toString()).toRepresentation().getUsername(),
                "the client's service account user is still there");
        assertEquals(partnerServiceAccountSubject(), serviceAccountUser, "and the client still signs in as it");
        assertEquals(0, DB.count("SELECT count(*) FROM user_profile WHERE id = ?", serviceAccountUser));
        assertEquals(0, KafkaTestClient.collect("user.events", KafkaTestClient.withKey(serviceAccountUser), Duration.ofSeconds(3)).size(),
                "no user.erased, no event at all");
    }

    private static UUID partnerServiceAccountSubject() {
        return subjectOf(TestKeycloak.partnerServiceAccount());
    }

    private static UUID subjectOf(String token) {
        String claims = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        Matcher subject = Pattern.compile("\"sub\"\\s*:\\s*\"([^\"]+)\"").matcher(claims);
        assertTrue(subject.find(), claims);
        return UUID.fromString(subject.group(1));
    }

    /** Rows of every table of user-service's database (whatever tables later versions add) whose text contains {@code text}. */
    private static long rowsMentioning(String text) {
        assertTrue(DB.count("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' "
                + "AND table_name IN ('user_profile', 'outbox_event', 'processed_event', 'idempotency_key')") == 4,
                "the tables that could hold personal data are among those searched");
        return DB.count("""
                SELECT coalesce(sum((xpath('/row/c/text()', query_to_xml(
                           format('SELECT count(*) AS c FROM %I.%I AS t WHERE t::text LIKE %L', table_schema, table_name, ?),
                           false, true, '')))[1]::text::bigint), 0)
                FROM information_schema.tables
                WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'""",
                "%" + text + "%");
    }
}
