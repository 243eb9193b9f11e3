package org.bookingplatform.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.bookingplatform.booking.BookingTestApi.DB;
import static org.bookingplatform.booking.BookingTestApi.holdBody;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Holds under contention: PostgreSQL's conditional update and CHECK decide, never the timing. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class HoldConcurrencyIT {

    @TestHTTPResource("/bookings")
    URI bookings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    @Test
    void twoHundredConcurrentHoldsForFiveUnitsLeftSucceedExactlyFiveTimes() {
        UUID listing = newListing();
        Instant night = night(30);
        openInventory(listing, night, night.plus(Duration.ofDays(1)), 8);
        BookingTestApi.holdOk(UUID.randomUUID(), listing, night, night.plus(Duration.ofDays(1)), 3);

        List<Integer> statuses = sendAtOnce(200, i -> holdBody(listing, night, night.plus(Duration.ofDays(1)), 1));

        Map<Integer, Long> byStatus = countByStatus(statuses);
        assertEquals(Map.of(201, 5L, 409, 195L), byStatus, "every request is a success or a conflict, never a 500 (deadlock, pool)");
        assertEquals(8, DB.count("SELECT held FROM slot_inventory WHERE listing_id = ?", listing));
        assertEquals(0, DB.count("SELECT count(*) FROM slot_inventory WHERE listing_id = ? AND held + booked > capacity", listing));
        assertEquals(6, BookingTestApi.bookings(listing));
    }

    @Test
    void concurrentOverlappingMultiNightHoldsNeverExceedAnyNightsCapacity() {
        UUID listing = newListing();
        Instant first = night(40);
        openInventory(listing, first, night(44), 5);
        // Nights 1-2, 2-3, 1-3 and 3-4: every pair overlaps on some night, locks included.
        List<Instant[]> ranges = List.of(
                new Instant[] {night(40), night(42)}, new Instant[] {night(41), night(43)},
                new Instant[] {night(40), night(43)}, new Instant[] {night(42), night(44)});

        List<Integer> statuses = sendAtOnce(200, i -> {
            Instant[] range = ranges.get(i % ranges.size());
            return holdBody(listing, range[0], range[1], 1);
        });

        Map<Integer, Long> byStatus = countByStatus(statuses);
        assertTrue(byStatus.keySet().stream().allMatch(status -> status == 201 || status == 409), "only 201 and 409: " + byStatus);
        assertTrue(byStatus.getOrDefault(201, 0L) >= 1, "some hold succeeds");
        assertEquals(0, DB.count("SELECT count(*) FROM slot_inventory WHERE listing_id = ? AND held + booked > capacity", listing));
        // Every night's held units are exactly the successful holds covering it.
        for (int day = 40; day < 44; day++) {
            Instant slot = night(day);
            long covering = DB.count("SELECT coalesce(sum(quantity), 0) FROM booking WHERE listing_id = ? AND slot_start <= ? AND slot_end > ?",
                    listing, java.sql.Timestamp.from(slot), java.sql.Timestamp.from(slot));
            long held = DB.count("SELECT held FROM slot_inventory WHERE listing_id = ? AND slot_start = ?", listing, java.sql.Timestamp.from(slot));
            assertEquals(covering, held, "night " + slot);
            assertTrue(held <= 5, "night " + slot + " holds " + held);
        }
        assertEquals(byStatus.getOrDefault(201, 0L), BookingTestApi.bookings(listing));
        // Contention fills the night every range shares with another: night 2 (ranges 1, 2, 3) is sold out.
        assertEquals(5, DB.count("SELECT held FROM slot_inventory WHERE listing_id = ? AND slot_start = ?", listing, java.sql.Timestamp.from(night(41))));
    }

    /** Fires every request before awaiting any answer, each by its own customer with its own key. */
    private List<Integer> sendAtOnce(int count, Function<Integer, String> body) {
        List<HttpRequest> requests = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            requests.add(HttpRequest.newBuilder(bookings)
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + TestTokens.customer(UUID.randomUUID()))
                    .header("Content-Type", "application/json")
                    .header("Idempotency-Key", UUID.randomUUID().toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(i)))
                    .build());
        }
        List<CompletableFuture<HttpResponse<String>>> answers = requests.stream()
                .map(request -> http.sendAsync(request, HttpResponse.BodyHandlers.ofString()))
                .toList();
        return answers.stream().map(CompletableFuture::join).map(HttpResponse::statusCode).toList();
    }

    private static Map<Integer, Long> countByStatus(List<Integer> statuses) {
        return statuses.stream().collect(Collectors.groupingBy(status -> status, Collectors.counting()));
    }
}
