package org.bookingplatform.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.bookingplatform.booking.BookingTestApi.bookings;
import static org.bookingplatform.booking.BookingTestApi.held;
import static org.bookingplatform.booking.BookingTestApi.hold;
import static org.bookingplatform.booking.BookingTestApi.holdBody;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A retried hold (same Idempotency-Key) holds once; the key reused for another request is refused. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class HoldIdempotencyIT {

    @TestHTTPResource("/bookings")
    URI bookingsUri;

    @Test
    void retryWithTheSameKeyAndBodyReplaysTheFirstAnswerWithoutHoldingAgain() {
        UUID customer = UUID.randomUUID();
        UUID listing = listingWithCapacity(5);
        String key = UUID.randomUUID().toString();

        Response first = hold(customer, key, listing, night(20), night(22), 2);
        Response retry = hold(customer, key, listing, night(20), night(22), 2);

        first.then().statusCode(201);
        assertNull(first.header("Idempotent-Replayed"));
        retry.then().statusCode(201).header("Idempotent-Replayed", "true")
                .body("id", equalTo(first.path("id")))
                .body("holdExpiresAt", equalTo(first.path("holdExpiresAt")));
        assertEquals(1, bookings(listing));
        assertEquals(4, held(listing));
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflictAndHoldsNothingMore() {
        UUID customer = UUID.randomUUID();
        UUID listing = listingWithCapacity(5);
        String key = UUID.randomUUID().toString();
        hold(customer, key, listing, night(20), night(21), 1).then().statusCode(201);

        hold(customer, key, listing, night(20), night(21), 3)
                .then().statusCode(409)
                .contentType("application/problem+json");

        assertEquals(1, bookings(listing));
        assertEquals(1, held(listing));
    }

    @Test
    void keysBelongToTheirCustomerSoTwoCustomersMayUseTheSameOne() {
        UUID listing = listingWithCapacity(5);
        String key = "checkout-42";

        hold(UUID.randomUUID(), key, listing, night(20), night(21), 1).then().statusCode(201);
        hold(UUID.randomUUID(), key, listing, night(20), night(21), 1).then().statusCode(201).header("Idempotent-Replayed", (String) null);

        assertEquals(2, bookings(listing));
    }

    @Test
    void concurrentRetriesWithOneKeyHoldOnce() {
        UUID customer = UUID.randomUUID();
        UUID listing = listingWithCapacity(5);
        String key = UUID.randomUUID().toString();
        String token = TestTokens.customer(customer);
        String body = holdBody(listing, night(20), night(21), 2);
        HttpClient http = HttpClient.newHttpClient();

        List<HttpResponse<String>> answers = IntStream.range(0, 20)
                .mapToObj(i -> http.sendAsync(HttpRequest.newBuilder(bookingsUri).timeout(Duration.ofSeconds(60))
                                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .toList().stream().map(CompletableFuture::join).toList();

        assertEquals(List.of(201), answers.stream().map(HttpResponse::statusCode).distinct().toList());
        assertEquals(1, answers.stream().map(answer -> answer.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1")).distinct().count(),
                "every answer names the same booking");
        assertEquals(1, bookings(listing));
        assertEquals(2, held(listing));
    }

    private static UUID listingWithCapacity(int capacity) {
        UUID listing = newListing();
        Instant from = night(20);
        openInventory(listing, from, night(22), capacity);
        return listing;
    }
}
