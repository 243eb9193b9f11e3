package org.bookingplatform.gateway.ratelimit;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.gateway.support.SharedRateLimits;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway with its buckets in Redis. Another replica is played by a store of the test's own
 * on the same server: what it takes, the gateway no longer grants.
 */
@QuarkusTest
@TestProfile(SharedRateLimits.class)
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class SharedRateLimitTest {

    private static final RateLimitPolicy LIMITED = new RateLimitPolicy(Backends.LIMITED_CAPACITY, 0.01);

    @Test
    void tokensTakenByAnotherReplicaAreGoneHereToo() throws Exception {
        UUID subject = UUID.randomUUID();
        String token = TestTokens.customer(subject);
        takeElsewhere("limited|user:" + subject, Backends.LIMITED_CAPACITY - 1);

        given().auth().oauth2(token).when().get("/api/v1/limited/things")
                .then().statusCode(200)
                .header("RateLimit-Limit", String.valueOf(Backends.LIMITED_CAPACITY))
                .header("RateLimit-Remaining", "0");
        given().auth().oauth2(token).when().get("/api/v1/limited/things")
                .then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, both(greaterThan(0)).and(lessThanOrEqualTo(100)));
    }

    @Test
    void aBodyWaitsForTheStoresAnswerAndArrivesWhole() {
        String body = "{\"text\":\"" + "x".repeat(40_000) + "\"}";
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).contentType("application/json").body(body)
                .when().post("/api/v1/limited/things")
                .then().statusCode(200)
                .body("body", equalTo(body));
    }

    @Test
    void withRedisDownRequestsAreLetThroughUnlimited() {
        String token = TestTokens.customer(UUID.randomUUID());
        SharedRateLimits.REDIS.stop();
        try {
            for (int i = 0; i <= Backends.LIMITED_CAPACITY; i++) {
                given().auth().oauth2(token).when().get("/api/v1/limited/things")
                        .then().statusCode(200)
                        .header("RateLimit-Limit", nullValue());
            }
        } finally {
            SharedRateLimits.REDIS.start();
        }
        // Back: the bucket counts again.
        await().atMost(Duration.ofSeconds(10)).until(() ->
                given().auth().oauth2(token).when().get("/api/v1/limited/things").getHeader("RateLimit-Limit") != null);
    }

    /** {@code count} tokens of {@code key} taken by another replica. */
    private static void takeElsewhere(String key, int count) throws Exception {
        Vertx vertx = Vertx.vertx();
        Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(SharedRateLimits.REDIS.url()));
        try {
            RedisTokenBucketStore otherReplica = new RedisTokenBucketStore(client, vertx, Duration.ofSeconds(5), SharedRateLimits.KEY_PREFIX);
            for (int i = 0; i < count; i++) {
                assertTrue(otherReplica.take(key, LIMITED).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS).granted());
            }
        } finally {
            client.close();
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }
}
