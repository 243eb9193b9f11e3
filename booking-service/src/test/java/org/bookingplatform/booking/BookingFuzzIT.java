package org.bookingplatform.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.bookingplatform.testsupport.HostileInput;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.booking.BookingTestApi.DB;
import static org.bookingplatform.booking.BookingTestApi.OPERATOR;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.bookingplatform.testsupport.HostileInput.assertNoServerErrorAndProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every JSON body and query parameter of booking-service, fed generated hostile values: never a
 * 5xx, every error a problem document, and a refused request writes nothing (the tables' row
 * counts and held units are the same after it as before; not the outbox, whose published rows
 * the relay deletes meanwhile, and which is written only with a booking).
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class BookingFuzzIT {

    private static final int REQUESTS_PER_ENDPOINT = 60;
    private static final String STATE = """
            SELECT (SELECT count(*) FROM listing) * 1000003 + (SELECT count(*) FROM booking) * 10007
                 + (SELECT count(*) FROM slot_inventory) * 101 + (SELECT coalesce(sum(capacity + 3 * held + 7 * booked), 0) FROM slot_inventory)
                 + (SELECT count(*) FROM idempotency_key) * 17""";

    private final UUID customer = UUID.randomUUID();
    private UUID listing;
    private Arbitrary<String> instants;

    @BeforeEach
    void listingWithOpenNights() {
        listing = newListing();
        openInventory(listing, night(10), night(14), 5);
        instants = Arbitraries.of(night(10), night(11), night(12), night(14), night(-1), night(400))
                .map(instant -> "\"" + instant + "\"");
    }

    @Test
    void holdRequestsNeverFailOnTheServerNorWriteWhenRefused() {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("listingId", HostileInput.oneOf(listing, UUID.randomUUID()));
        fields.put("start", instants);
        fields.put("end", instants);
        fields.put("quantity", HostileInput.oneOf(1, 2, 20, 21));
        fuzzBodies(fields, body -> customer().header("Idempotency-Key", UUID.randomUUID().toString()).body(body).post("/bookings"));
    }

    @Test
    void listingBodiesNeverFailOnTheServerNorWriteWhenRefused() {
        Map<String, Arbitrary<String>> fields = new LinkedHashMap<>();
        fields.put("name", HostileInput.oneOf("Garden suite"));
        fields.put("description", HostileInput.oneOf("Quiet"));
        fields.put("category", HostileInput.oneOf("STAY", "TOUR"));
        fields.put("city", HostileInput.oneOf("Porto"));
        fields.put("timeZone", HostileInput.oneOf("UTC", "Europe/Lisbon", "Mars/Olympus"));
        fields.put("slotMinutes", HostileInput.oneOf(5, 60, 1440, 7));
        fields.put("unitPrice", Arbitraries.of("{\"amount\":100,\"currency\":\"EUR\"}", "{\"amount\":-1,\"currency\":\"EUR\"}",
                "{\"amount\":9223372036854775807,\"currency\":\"eur\"}"));
        fuzzBodies(fields, body -> operator().body(body).post("/listings"));
        fuzzBodies(fields, body -> operator().body(body).put("/listings/{id}", listing));
    }

    @Test
    void inventoryBodiesNeverFailOnTheServerNorWriteWhenRefused() {
        Map<String, Arbitrary<String>> range = new LinkedHashMap<>();
        range.put("from", instants);
        range.put("to", instants);
        range.put("capacity", HostileInput.oneOf(0, 1, 100_000, 100_001));
        fuzzBodies(range, body -> operator().body(body).put("/listings/{id}/inventory", listing));
        fuzzBodies(Map.of("capacity", HostileInput.oneOf(0, 3)), body -> operator().body(body)
                .put("/listings/{id}/inventory/{slot}", listing, night(11).toString()));
    }

    @Test
    void queryAndPathParametersNeverFailOnTheServer() {
        Map<String, Arbitrary<String>> search = new LinkedHashMap<>();
        search.put("city", Arbitraries.of("Porto"));
        search.put("category", Arbitraries.of("STAY"));
        search.put("from", Arbitraries.of(night(10).toString()));
        search.put("to", Arbitraries.of(night(12).toString()));
        search.put("quantity", Arbitraries.of("1"));
        search.put("page", Arbitraries.of("0", "10000", "10001"));
        search.put("size", Arbitraries.of("1", "100", "101"));
        fuzzQuery(search, query -> given().queryParams(query).get("/listings"));

        Map<String, Arbitrary<String>> availability = new LinkedHashMap<>();
        availability.put("from", Arbitraries.of(night(10).toString()));
        availability.put("to", Arbitraries.of(night(12).toString()));
        availability.put("size", Arbitraries.of("1", "500", "501"));
        fuzzQuery(availability, query -> given().queryParams(query).get("/listings/{id}/availability", listing));

        Map<String, Arbitrary<String>> bookings = new LinkedHashMap<>();
        bookings.put("status", Arbitraries.of("CONFIRMED"));
        bookings.put("page", Arbitraries.of("0", "30000000"));
        bookings.put("size", Arbitraries.of("20"));
        fuzzQuery(bookings, query -> given().auth().oauth2(TestTokens.customer(customer)).queryParams(query).get("/bookings"));
        fuzzQuery(bookings, query -> operator().queryParams(query).get("/bookings"));

        for (String id : HostileInput.pathText().sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked("GET /listings/" + id, () -> given().get("/listings/{id}", id));
            checked("GET /bookings/" + id, () -> given().auth().oauth2(TestTokens.customer(customer)).get("/bookings/{id}", id));
            checked("POST /bookings/" + id + "/cancel", () -> given().auth().oauth2(TestTokens.customer(customer))
                    .post("/bookings/{id}/cancel", id));
            checked("PUT inventory/" + id, () -> operator().body("{\"capacity\":1}").put("/listings/{id}/inventory/{slot}", listing, id));
        }
    }

    private void fuzzBodies(Map<String, Arbitrary<String>> fields, Function<String, Response> send) {
        List<String> bodies = HostileInput.body(fields).sampleStream().limit(REQUESTS_PER_ENDPOINT).toList();
        for (String body : bodies) {
            checked(body.length() > 300 ? body.substring(0, 300) + "..." : body, () -> send.apply(body));
        }
    }

    private void fuzzQuery(Map<String, Arbitrary<String>> params, Function<Map<String, String>, Response> send) {
        for (Map<String, String> query : HostileInput.query(params).sampleStream().limit(REQUESTS_PER_ENDPOINT).toList()) {
            checked(query.toString(), () -> send.apply(query));
        }
    }

    /** Sends one request; a refused one must leave the database as it was. */
    private static void checked(String request, java.util.function.Supplier<Response> send) {
        long before = DB.count(STATE);
        Response response = send.get();
        assertNoServerErrorAndProblem(response, request);
        if (response.statusCode() >= 400) {
            assertEquals(before, DB.count(STATE), () -> "refused with " + response.statusCode() + " but wrote: " + request);
        }
    }

    private RequestSpecification customer() {
        return given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON);
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.operator(OPERATOR)).contentType(ContentType.JSON);
    }
}
