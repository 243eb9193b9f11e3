package org.bookingplatform.platform.idempotency;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class IdempotencyKeysIT {

    private static final TestDatabase DB = TestDatabase.of("platform_idempotency");

    @Test
    void sameKeyAndRequestRunsOnceAndReplaysTheFirstAnswer() {
        String owner = "owner-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        String firstId = reserve(key, owner, 2).then().statusCode(201).extract().path("id");
        reserve(key, owner, 2).then().statusCode(201)
                .header(IdempotencyKeys.REPLAYED_HEADER, "true")
                .body("id", equalTo(firstId));

        assertEquals(1, reservations(owner));
    }

    @Test
    void sameKeyWithAnotherRequestIsAConflictAndWritesNothing() {
        String owner = "owner-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        reserve(key, owner, 2).then().statusCode(201);

        reserve(key, owner, 3).then().statusCode(409).contentType("application/problem+json");

        assertEquals(1, reservations(owner));
    }

    @Test
    void concurrentRetriesWithOneKeyRunTheUseCaseOnce() throws Exception {
        String owner = "owner-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> calls = IntStream.range(0, 32)
                    .<Callable<String>>mapToObj(i -> () -> reserve(key, owner, 1).then().statusCode(201).extract().path("id"))
                    .toList();
            List<String> ids = pool.invokeAll(calls).stream().map(IdempotencyKeysIT::get).distinct().toList();
            assertEquals(1, ids.size(), "every retry answers with the one reservation");
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, reservations(owner));
    }

    @Test
    void failedRequestLeavesTheKeyFreeForARetry() {
        String owner = "owner-" + UUID.randomUUID();
        String key = UUID.randomUUID().toString();
        reserve(key, owner, 0).then().statusCode(422);

        assertEquals(0, DB.count("SELECT count(*) FROM idempotency_key WHERE key = ?", key));
    }

    @Test
    void sameKeyFromAnotherScopeIsIndependent() {
        String key = UUID.randomUUID().toString();
        String alice = "owner-" + UUID.randomUUID();
        String bob = "owner-" + UUID.randomUUID();

        reserve(key, alice, 1).then().statusCode(201);
        reserve(key, bob, 1).then().statusCode(201).header(IdempotencyKeys.REPLAYED_HEADER, (String) null);

        assertEquals(1, reservations(bob));
    }

    @Test
    void missingOrMalformedKeyIsABadRequestNamingTheHeader() {
        String owner = "owner-" + UUID.randomUUID();
        given().contentType("application/json").body(new TestReservationResource.ReservationRequest(owner, 1))
                .when().post("/test-reservations")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(IdempotencyKeys.HEADER));
        reserve("has spaces", owner, 1).then().statusCode(400);

        assertEquals(0, reservations(owner));
    }

    private static Response reserve(String key, String owner, int seats) {
        return given().contentType("application/json").header(IdempotencyKeys.HEADER, key)
                .body(new TestReservationResource.ReservationRequest(owner, seats))
                .when().post("/test-reservations");
    }

    private static long reservations(String owner) {
        return DB.count("SELECT count(*) FROM test_reservation WHERE owner = ?", owner);
    }

    private static String get(Future<String> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
