package org.bookingplatform.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.bookingplatform.system.harness.ApiResponse;
import org.bookingplatform.system.harness.Http;
import org.bookingplatform.system.harness.SystemUnderTest;

/** What the journeys share: an operator's new listing with open nights, holds, payments and waiting for a status. */
final class Catalog {

    /** A listing of its own per test (so that no two tests share inventory), bookable per night (UTC). */
    record Listing(String id, String city, Instant firstNight, Instant secondNight, long nightlyPrice) {
    }

    private Catalog() {
    }

    /** The operator creates a listing in a city of its own and opens {@code capacity} units a night for three nights. */
    static Listing openListing(SystemUnderTest system, int capacity) {
        Http operator = system.gateway(system.demoToken("olivia"));
        String city = "Systemtown-" + UUID.randomUUID().toString().substring(0, 8);
        long price = 9900;
        ApiResponse created = operator.post("/api/v1/listings", Map.of("name", "System-test room", "description", "A room for the journeys",
                "category", "STAY", "city", city, "timeZone", "UTC", "slotMinutes", 1440,
                "unitPrice", Map.of("amount", price, "currency", "EUR")));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().path("id").asText();
        Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(1, ChronoUnit.DAYS);
        ApiResponse opened = operator.put("/api/v1/listings/" + id + "/inventory",
                Map.of("from", tomorrow.toString(), "to", tomorrow.plus(3, ChronoUnit.DAYS).toString(), "capacity", capacity));
        assertEquals(2, opened.status() / 100, opened::toString);
        return new Listing(id, city, tomorrow, tomorrow.plus(1, ChronoUnit.DAYS), price);
    }

    /** Holds the first night; 201 with the booking in PENDING_PAYMENT. */
    static JsonNode holdFirstNight(Http customer, Listing listing, int quantity) {
        ApiResponse hold = customer.post("/api/v1/bookings", Map.of("listingId", listing.id(), "start", listing.firstNight().toString(),
                "end", listing.secondNight().toString(), "quantity", quantity), Map.of("Idempotency-Key", "hold-" + UUID.randomUUID()));
        assertEquals(201, hold.status(), hold::toString);
        assertEquals("PENDING_PAYMENT", hold.json().path("status").asText(), hold::toString);
        return hold.json();
    }

    static ApiResponse pay(Http customer, String bookingId, String paymentMethod) {
        return customer.post("/api/v1/payments", Map.of("bookingId", bookingId, "paymentMethod", paymentMethod),
                Map.of("Idempotency-Key", "pay-" + UUID.randomUUID()));
    }

    /** Units of the first night still free, from the public availability. */
    static int remainingFirstNight(Http anyone, Listing listing) {
        ApiResponse availability = anyone.get("/api/v1/listings/" + listing.id() + "/availability?from=" + listing.firstNight()
                + "&to=" + listing.secondNight());
        assertEquals(200, availability.status(), availability::toString);
        return availability.json().path("items").get(0).path("remaining").asInt();
    }

    static JsonNode awaitBooking(Http caller, String bookingId, String status, Duration timeout) {
        return awaitJson(caller, "/api/v1/bookings/" + bookingId, json -> status.equals(json.path("status").asText()), timeout);
    }

    /** The payments of a booking once one of them has the status. */
    static JsonNode awaitPayment(Http caller, String bookingId, String status, Duration timeout) {
        return awaitJson(caller, "/api/v1/payments?bookingId=" + bookingId, json -> {
            for (JsonNode payment : json.path("items")) {
                if (status.equals(payment.path("status").asText())) {
                    return true;
                }
            }
            return false;
        }, timeout);
    }

    private static JsonNode awaitJson(Http caller, String path, java.util.function.Predicate<JsonNode> done, Duration timeout) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await(path).atMost(timeout).pollInterval(Duration.ofMillis(300)).until(() -> {
            ApiResponse response = caller.get(path);
            last[0] = response.status() == 200 ? response.json() : null;
            return last[0] != null && done.test(last[0]);
        });
        return last[0];
    }
}
