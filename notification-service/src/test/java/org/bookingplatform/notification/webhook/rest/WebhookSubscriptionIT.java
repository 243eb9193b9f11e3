package org.bookingplatform.notification.webhook.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class WebhookSubscriptionIT {

    private static final TestDatabase DB = TestDatabase.of("notification_service");
    private static final String CONFIRMED = "org.bookingplatform.booking.confirmed";

    @Test
    void aPartnerCreatesListsReadsAndDeletesItsSubscriptionAndSeesTheSecretOnlyOnce() {
        UUID partner = UUID.randomUUID();
        String id = create(partner, "http://127.0.0.1:9/hooks", CONFIRMED)
                .statusCode(201)
                .header("Location", containsString("/webhooks/subscriptions/"))
                .body("secret", startsWith("whsec_"))
                .body("status", equalTo("ACTIVE"))
                .body("eventTypes", contains(CONFIRMED))
                .extract().path("id");
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/webhooks/subscriptions/" + id)
                .then().statusCode(200).body("url", equalTo("http://127.0.0.1:9/hooks")).body("secret", nullValue());
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/webhooks/subscriptions")
                .then().statusCode(200).body("items.id", contains(id)).body("items[0].secret", nullValue());
        given().auth().oauth2(TestTokens.partner(partner)).when().delete("/webhooks/subscriptions/" + id).then().statusCode(204);
        given().auth().oauth2(TestTokens.partner(partner)).when().get("/webhooks/subscriptions/" + id).then().statusCode(404);
    }

    @Test
    void theSecretIsWhsecAndAtLeast24RandomBytesAndRotationReplacesIt() {
        UUID partner = UUID.randomUUID();
        String first = create(partner, "http://localhost:9/h", CONFIRMED).statusCode(201).extract().path("secret");
        String id = given().auth().oauth2(TestTokens.partner(partner)).when().get("/webhooks/subscriptions")
                .then().extract().path("items[0].id");
        assertTrue(Base64.getDecoder().decode(first.substring("whsec_".length())).length >= 24);
        String second = given().auth().oauth2(TestTokens.partner(partner))
                .when().post("/webhooks/subscriptions/" + id + "/rotate-secret")
                .then().statusCode(200).body("previousSecretExpiresAt", notNullValue()).extract().path("secret");
        assertNotEquals(first, second);
        assertEquals(1, DB.count("SELECT count(*) FROM webhook_subscription WHERE id = ?::uuid AND secret = ? AND previous_secret = ?"
                + " AND previous_secret_expires_at BETWEEN now() + interval '23 hours' AND now() + interval '25 hours'", id, second, first));
    }

    @Test
    void anotherPartnerCanNeitherSeeNorChangeNorDeleteASubscription() {
        UUID owner = UUID.randomUUID();
        String id = create(owner, "http://127.0.0.1:9/h", CONFIRMED).statusCode(201).extract().path("id");
        String stranger = TestTokens.partner(UUID.randomUUID());
        given().auth().oauth2(stranger).when().get("/webhooks/subscriptions/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(stranger).when().get("/webhooks/subscriptions").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(stranger).when().delete("/webhooks/subscriptions/" + id).then().statusCode(404);
        given().auth().oauth2(stranger).when().post("/webhooks/subscriptions/" + id + "/rotate-secret").then().statusCode(404);
        given().auth().oauth2(stranger).when().get("/webhooks/subscriptions/" + id + "/deliveries").then().statusCode(404);
        assertEquals(1, DB.count("SELECT count(*) FROM webhook_subscription WHERE id = ?::uuid AND previous_secret IS NULL", id));
    }

    @Test
    void aCustomerCannotManageWebhooksAndAnonymousCallersAreUnauthorized() {
        UUID customer = UUID.randomUUID();
        given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                .body("{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":[\"" + CONFIRMED + "\"]}")
                .when().post("/webhooks/subscriptions")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.customer(customer)).when().get("/webhooks/subscriptions").then().statusCode(403);
        given().when().get("/webhooks/subscriptions").then().statusCode(401);
        assertEquals(0, DB.count("SELECT count(*) FROM webhook_subscription WHERE partner_id = ?", customer));
    }

    /** The test profile allows only plain http to 127.0.0.1 and localhost: these stay refused. */
    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/h", "https://10.0.0.1/h", "https://169.254.169.254/latest/meta-data/",
            "https://[::1]/h", "https://localhost/h", "https://100.64.0.1/h", "https://[fd00::1]/h"})
    void targetsOnNonPublicAddressesAreRefusedAtRegistration(String url) {
        UUID partner = UUID.randomUUID();
        create(partner, url, CONFIRMED).statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("url"))
                .body("detail", containsString("non-public"));
        assertEquals(0, DB.count("SELECT count(*) FROM webhook_subscription WHERE partner_id = ?", partner));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"url\":\"http://hooks.partner.example/h\",\"eventTypes\":[\"org.bookingplatform.booking.confirmed\"]}",
            "{\"url\":\"http://10.0.0.1/h\",\"eventTypes\":[\"org.bookingplatform.booking.confirmed\"]}",
            "{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":[\"org.bookingplatform.payment.authorized\"]}",
            "{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":[\"booking.confirmed\"]}",
            "{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":[]}",
            "{\"url\":\"http://127.0.0.1:9/h\"}",
            "{\"eventTypes\":[\"org.bookingplatform.booking.confirmed\"]}",
            "{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":[\"org.bookingplatform.booking.confirmed\"],\"secret\":\"whsec_mine\"}",
            "{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":\"org.bookingplatform.booking.confirmed\"}",
            "{\"url\":\"http://127.0.0.1:9/h\",\"eventTypes\":[null]}",
            "{\"url\":\"javascript:alert(1)\",\"eventTypes\":[\"org.bookingplatform.booking.confirmed\"]}",
            "{\"url\":\"http://user:pw@127.0.0.1:9/h\",\"eventTypes\":[\"org.bookingplatform.booking.confirmed\"]}",
            "not json",
            ""})
    void badInputIsA400ProblemAndStoresNothing(String body) {
        UUID partner = UUID.randomUUID();
        given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON).body(body)
                .when().post("/webhooks/subscriptions")
                .then().statusCode(400).contentType("application/problem+json").body("detail", notNullValue());
        assertEquals(0, DB.count("SELECT count(*) FROM webhook_subscription WHERE partner_id = ?", partner));
    }

    @Test
    void aHugeUrlIsA400ProblemAndStoresNothing() {
        UUID partner = UUID.randomUUID();
        create(partner, "http://127.0.0.1:9/" + "a".repeat(100_000), CONFIRMED)
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        assertEquals(0, DB.count("SELECT count(*) FROM webhook_subscription WHERE partner_id = ?", partner));
    }

    @Test
    void aPartnerCannotCreateMoreThanTheLimitOfSubscriptions() {
        UUID partner = UUID.randomUUID();
        for (int i = 0; i < 20; i++) {
            create(partner, "http://127.0.0.1:9/h" + i, CONFIRMED).statusCode(201);
        }
        create(partner, "http://127.0.0.1:9/one-too-many", CONFIRMED).statusCode(409).contentType("application/problem+json");
        assertEquals(20, DB.count("SELECT count(*) FROM webhook_subscription WHERE partner_id = ?", partner));
    }

    @Test
    void aPageBeyondTheEndIsEmptyAndAPageBeyondTheBoundIsABadRequest() {
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).queryParam("page", PageRequest.MAX_PAGE).queryParam("size", 100)
                .when().get("/webhooks/subscriptions")
                .then().statusCode(200).body("items.size()", equalTo(0));
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID())).queryParam("page", Integer.MAX_VALUE).queryParam("size", 100)
                .when().get("/webhooks/subscriptions")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("page"));
    }

    private static io.restassured.response.ValidatableResponse create(UUID partner, String url, String type) {
        return given().auth().oauth2(TestTokens.partner(partner)).contentType(ContentType.JSON)
                .body("{\"url\":\"" + url + "\",\"eventTypes\":[\"" + type + "\"]}")
                .when().post("/webhooks/subscriptions")
                .then();
    }
}
