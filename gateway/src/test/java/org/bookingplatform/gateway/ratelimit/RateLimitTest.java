package org.bookingplatform.gateway.ratelimit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.notNullValue;

/** The "limited" test route: 3 requests per caller, refilled at one per 100 s. */
@QuarkusTest
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class RateLimitTest {

    @Test
    void aUserWhoEmptiedTheBucketGets429WithRetryAfterAndRateLimitHeaders() {
        String token = TestTokens.customer(UUID.randomUUID());
        for (int remaining = Backends.LIMITED_CAPACITY - 1; remaining >= 0; remaining--) {
            given().auth().oauth2(token).when().get("/api/v1/limited/things")
                    .then().statusCode(200)
                    .header("RateLimit-Limit", String.valueOf(Backends.LIMITED_CAPACITY))
                    .header("RateLimit-Remaining", String.valueOf(remaining))
                    .header("RateLimit-Reset", notNullValue());
        }

        given().auth().oauth2(token).when().get("/api/v1/limited/things")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .body("status", equalTo(429))
                .header("Retry-After", Integer::parseInt, greaterThan(0))
                .header("RateLimit-Limit", String.valueOf(Backends.LIMITED_CAPACITY))
                .header("RateLimit-Remaining", "0")
                .header("RateLimit-Reset", Integer::parseInt, greaterThan(0));
    }

    @Test
    void eachUserHasABucketOfTheirOwn() {
        String greedy = TestTokens.customer(UUID.randomUUID());
        for (int i = 0; i < Backends.LIMITED_CAPACITY; i++) {
            given().auth().oauth2(greedy).when().get("/api/v1/limited/things").then().statusCode(200);
        }
        given().auth().oauth2(greedy).when().get("/api/v1/limited/things").then().statusCode(429);

        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).when().get("/api/v1/limited/things")
                .then().statusCode(200)
                .header("RateLimit-Remaining", String.valueOf(Backends.LIMITED_CAPACITY - 1));
    }

    @Test
    void anonymousCallersAreCountedByAddressAndApartFromUsers() {
        for (int i = 0; i < Backends.LIMITED_CAPACITY; i++) {
            given().when().get("/api/v1/limited/open/search").then().statusCode(200);
        }
        given().when().get("/api/v1/limited/open/search").then().statusCode(429).header("Retry-After", notNullValue());

        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).when().get("/api/v1/limited/open/search")
                .then().statusCode(200);
    }

    @Test
    void routesHaveSeparateBuckets() {
        String token = TestTokens.customer(UUID.randomUUID());
        for (int i = 0; i <= Backends.LIMITED_CAPACITY; i++) {
            given().auth().oauth2(token).when().get("/api/v1/limited/things");
        }
        given().auth().oauth2(token).when().get("/api/v1/bookings/rl").then().statusCode(200)
                .header("RateLimit-Limit", "60");
    }
}
