package org.bookingplatform.user;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.bookingplatform.testsupport.HostileInput;
import org.bookingplatform.testsupport.KeycloakTestResource;
import org.bookingplatform.testsupport.TestKeycloak;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.keycloak.admin.client.Keycloak;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.testsupport.HostileInput.assertNoServerErrorAndProblem;
import static org.bookingplatform.user.UserApi.DB;
import static org.bookingplatform.user.UserApi.PASSWORD;
import static org.bookingplatform.user.UserApi.freshEmail;
import static org.bookingplatform.user.UserApi.signedUp;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every JSON body, query parameter and path id of user-service, fed generated hostile values:
 * never a 5xx, every error a problem document, and a refused request writes nothing (the
 * profiles, their versions and erasures, the Idempotency-Key answers, and the accounts in
 * Keycloak are the same after it as before; not the outbox, whose published rows the relay
 * deletes meanwhile, and which is written only with a profile's change).
 */
@QuarkusTest
@QuarkusTestResource(value = KeycloakTestResource.class, restrictToAnnotatedClass = false)
class UserFuzzIT {

    private static final int REQUESTS_PER_ENDPOINT = 40;
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String STATE = """
            SELECT (SELECT count(*) FROM user_profile) * 1000003 + (SELECT count(*) FROM user_profile WHERE erased_at IS NOT NULL) * 10007
                 + (SELECT coalesce(sum(version), 0) FROM user_profile) * 101 + (SELECT count(*) FROM idempotency_key) * 17""";

    @Inject
    Keycloak keycloak;

    private String takenEmail;
    private String customer;

    @BeforeEach
    void aSignedUpCustomer() {
        takenEmail = freshEmail();
        signedUp(takenEmail);
        customer = TestKeycloak.login(takenEmail, PASSWORD).orElseThrow();
    }

    @Test
    void signUpBodiesNeverFailOnTheServerNorWriteWhenRefused() {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        // Fresh addresses (a sign-up that may succeed), the taken one, and fresh ones Keycloak or PostgreSQL may refuse.
        fields.put("email", Arbitraries.oneOf(
                Arbitraries.create(() -> "\"" + freshEmail() + "\""), HostileInput.oneOf(takenEmail),
                Arbitraries.of("ünï-", "nul\\u0000-", "x".repeat(70) + "-", "\\\"quoted\\\"-", "' OR '1'='1-")
                        .map(prefix -> "\"" + prefix + freshEmail() + "\"")));
        fields.put("password", HostileInput.oneOf(PASSWORD, "short", "p".repeat(128), "p".repeat(129), PASSWORD + "\u0000"));
        fields.put("displayName", HostileInput.oneOf("Ada Lovelace", "Ada", "  ", "\uD83D\uDE00 Ada", "Ada " + "L".repeat(95)));
        fields.put("locale", HostileInput.oneOf("pt", "DE", "xx"));
        fields.put("phone", HostileInput.oneOf("+351912345678", "0912 345 678"));
        Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.create(() -> UUID.randomUUID().toString()), headerText());
        List<String> idempotencyKeys = keys.sampleStream().limit(REQUESTS_PER_ENDPOINT).toList();
        List<String> bodies = HostileInput.body(fields).sampleStream().limit(REQUESTS_PER_ENDPOINT).toList();
        for (int i = 0; i < bodies.size(); i++) {
            String body = bodies.get(i);
            // Every other sign-up without a key: the key is optional, and checked before Keycloak is called.
            String key = i % 2 == 0 ? idempotencyKeys.get(i) : null;
            checkedWithAccounts(abbreviated(body) + " key " + key, () -> (key == null ? given() : given().header("Idempotency-Key", key))
                    .contentType("application/json").body(body).post("/users"));
        }
    }

    @Test
    void mergePatchesNeverFailOnTheServerNorWriteWhenRefused() {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("displayName", HostileInput.oneOf("Ada King", "Ada Lovelace", " "));
        fields.put("phone", Arbitraries.of("\"+441234567890\"", "null", "\"12345\""));
        fields.put("locale", Arbitraries.of("\"de\"", "\"PT\"", "null", "\"tlh\""));
        fields.put("emailPreferences", Arbitraries.of("{\"expired\":false}", "{\"confirmed\":true,\"refunded\":false}",
                "{\"marketing\":true}", "{\"confirmed\":\"yes\"}", "{\"holdCreated\":null}"));
        for (String body : HostileInput.body(fields).sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked(abbreviated(body), () -> given().auth().oauth2(customer).contentType(MERGE_PATCH).body(body).patch("/users/me"));
        }
        for (String type : List.of("application/json", "text/plain", "application/merge-patch+json; charset=utf-16", "*/*", "x")) {
            checked("PATCH as " + type, () -> given().auth().oauth2(customer).contentType(type)
                    .body("{\"displayName\":\"Ada\"}".getBytes(StandardCharsets.UTF_8)).patch("/users/me"));
        }
    }

    @Test
    void queryAndPathParametersNeverFailOnTheServer() {
        String operator = TestKeycloak.demoUser("olivia");
        Map<String, Arbitrary<String>> search = new LinkedHashMap<>();
        search.put("query", Arbitraries.of(takenEmail.substring(0, 20), "ada", "%", "_"));
        search.put("page", Arbitraries.of("0", "10000", "10001"));
        search.put("size", Arbitraries.of("1", "100", "101"));
        for (Map<String, String> query : HostileInput.query(search).sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked(query.toString(), () -> given().auth().oauth2(operator).queryParams(query).get("/users"));
        }
        for (String id : HostileInput.pathText().sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked("GET /users/" + id, () -> given().auth().oauth2(operator).get("/users/{id}", id));
            checkedWithAccounts("DELETE /users/" + id, () -> given().auth().oauth2(operator).delete("/users/{id}", id));
            checked("DELETE /users/" + id + " as a customer", () -> given().auth().oauth2(customer).delete("/users/{id}", id));
        }
    }

    /** Header text a client library sends as it is: printable ASCII of any length the server reads. */
    private static Arbitrary<String> headerText() {
        return HostileInput.uriText().filter(value -> value.chars().allMatch(c -> c >= ' ' && c <= '~'));
    }

    /** Sends one request; a refused one must leave the database as it was. */
    private static void checked(String request, Supplier<Response> send) {
        checked(request, send, () -> DB.count(STATE));
    }

    /** For the requests that reach Keycloak: a refused one must leave the accounts there as they were, too. */
    private void checkedWithAccounts(String request, Supplier<Response> send) {
        checked(request, send, () -> List.of(DB.count(STATE), keycloak.realm("booking").users().count()));
    }

    private static void checked(String request, Supplier<Response> send, Supplier<Object> state) {
        Object before = state.get();
        Response response = send.get();
        assertNoServerErrorAndProblem(response, request);
        if (response.statusCode() >= 400) {
            assertEquals(before, state.get(), () -> "refused with " + response.statusCode() + " but wrote: " + request);
        }
    }

    private static String abbreviated(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
