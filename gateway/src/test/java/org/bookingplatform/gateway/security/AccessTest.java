package org.bookingplatform.gateway.security;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

@QuarkusTest
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class AccessTest {

    @ConfigProperty(name = "test.management.url")
    String managementUrl;

    @Test
    void aProtectedRouteWithoutTokenIs401ProblemAndNeverReachesTheService() {
        given().when().get("/api/v1/bookings/a1")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("title", equalTo("Unauthorized"));
        assertThat(Backends.BOOKING.requests("/bookings/a1"), empty());
    }

    @Test
    void aTokenSignedByAStrangerIs401() {
        given().auth().oauth2(TestTokens.signedByStranger(UUID.randomUUID()))
                .when().get("/api/v1/bookings/a2")
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(Backends.BOOKING.requests("/bookings/a2"), empty());
    }

    @Test
    void everyTokenThatFailsVerificationIs401NeverAnIdentityProviderFailure() {
        TestTokens.unverifiable(UUID.randomUUID()).forEach((reason, token) -> {
            String path = "/bookings/unverifiable-" + reason.replace(' ', '-');
            given().auth().oauth2(token)
                    .when().get("/api/v1" + path)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer")
                    .body("status", equalTo(401));
            assertThat(reason, Backends.BOOKING.requests(path), empty());
        });
    }

    @Test
    void anExpiredTokenIs401() {
        given().auth().oauth2(TestTokens.expired(UUID.randomUUID()))
                .when().get("/api/v1/payments/a3")
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(Backends.PAYMENT.requests("/payments/a3"), empty());
    }

    @Test
    void aTokenOfAnotherClientOfTheRealmWithoutThePlatformAudienceIs401() {
        given().auth().oauth2(TestTokens.ofAnotherClient(UUID.randomUUID()))
                .when().get("/api/v1/bookings/a5")
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(Backends.BOOKING.requests("/bookings/a5"), empty());
    }

    @Test
    void garbageInsteadOfATokenIs401() {
        given().header("Authorization", "Bearer not-a-jwt")
                .when().get("/api/v1/users/me")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aValidTokenPasses() {
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID()))
                .when().get("/api/v1/notifications/a4")
                .then().statusCode(200);
        assertThat(Backends.NOTIFICATION.requests("/notifications/a4"), hasSize(1));
    }

    @Test
    void listingSearchAndAvailabilityAreOpenToAnonymousCallers() {
        given().when().get("/api/v1/listings?city=Berlin").then().statusCode(200).body("path", equalTo("/listings"));
        given().when().get("/api/v1/listings/l1/availability?from=2030-01-01").then().statusCode(200);
        given().when().head("/api/v1/listings/l1").then().statusCode(200);
    }

    @Test
    void changingListingsStillNeedsAToken() {
        given().contentType("application/json").body("{}").when().post("/api/v1/listings")
                .then().statusCode(401);
        given().when().delete("/api/v1/listings/l1").then().statusCode(401);
    }

    @Test
    void signUpIsOpenButOtherUserPathsAreNot() {
        given().contentType("application/json").body("{\"email\":\"new@example.test\"}")
                .when().post("/api/v1/users")
                .then().statusCode(200).body("method", equalTo("POST")).body("path", equalTo("/users"));
        given().when().get("/api/v1/users").then().statusCode(401);
        given().when().post("/api/v1/users/me/erase").then().statusCode(401);
    }

    @Test
    void aBadTokenOnAPublicPathIsStill401() {
        given().auth().oauth2(TestTokens.expired(UUID.randomUUID()))
                .when().get("/api/v1/listings")
                .then().statusCode(401);
    }

    @Test
    void webhookSubscriptionsNeedThePartnerOrOperatorRole() {
        String customer = TestTokens.customer(UUID.randomUUID());
        given().auth().oauth2(customer).when().get("/api/v1/bookings/warm-up").then().statusCode(200);
        for (int i = 0; i < 2; i++) {
            // The second time the token is a recently verified one: the role check still applies.
            given().auth().oauth2(customer)
                    .when().get("/api/v1/webhooks/subscriptions")
                    .then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("title", equalTo("Forbidden"));
        }
        assertThat(Backends.NOTIFICATION.requests("/webhooks/subscriptions"), empty());

        given().auth().oauth2(TestTokens.partner(UUID.randomUUID()))
                .when().get("/api/v1/webhooks/subscriptions").then().statusCode(200);
        given().auth().oauth2(TestTokens.token(UUID.randomUUID(), Set.of("operator"), Duration.ofMinutes(1)))
                .when().get("/api/v1/webhooks/subscriptions").then().statusCode(200);
    }

    @Test
    void apiDocsNeedNoToken() {
        given().when().get("/q/swagger-ui/").then().statusCode(200);
        given().when().get("/q/openapi").then().statusCode(200);
        given().when().get("/api/v1/openapi.json").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAreOnlyOnTheManagementPort() {
        given().when().get("/q/health/live").then().statusCode(404);
        given().when().get("/q/health/ready").then().statusCode(404);
        given().when().get("/q/metrics").then().statusCode(404);

        given().port(URI.create(managementUrl).getPort()).when().get("/q/health/live").then().statusCode(200);
        given().port(URI.create(managementUrl).getPort()).when().get("/q/health/ready").then().statusCode(200);
        given().port(URI.create(managementUrl).getPort()).when().get("/q/metrics").then().statusCode(200);
    }

    @Test
    void aPathNotInNormalFormIsRefusedBeforeAnyRuleIsChecked() throws Exception {
        var response = org.bookingplatform.gateway.support.RawHttp.send("""
                GET /api/v1/listings/../bookings/secret HTTP/1.1\r
                Host: gateway.test\r
                \r
                """);
        assertThat(response.status(), is(400));
        assertThat(Backends.BOOKING.requests("/bookings/secret"), empty());
    }
}
