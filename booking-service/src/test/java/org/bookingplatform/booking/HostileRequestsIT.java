package org.bookingplatform.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.booking.BookingTestApi.DB;
import static org.bookingplatform.booking.BookingTestApi.OPERATOR;
import static org.bookingplatform.booking.BookingTestApi.bookings;
import static org.bookingplatform.booking.BookingTestApi.held;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Requests an attacker would send: ranges of centuries, instants at the edge of what Java can
 * represent, totals that overflow, pages near 2^31, tokens of no user. Each is a 4xx problem that
 * changes nothing, answered without first building what the request describes.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class HostileRequestsIT {

    private final UUID customer = UUID.randomUUID();

    @Test
    void holdOfAThousandYearsOfFiveMinuteSlotsIsUnprocessableWithoutBuildingThem() {
        UUID listing = newListing("City-" + UUID.randomUUID(), "UTC", 5);
        openInventory(listing, night(10), night(11), 3);
        Instant start = night(10);

        problem(hold(listing, start.toString(), start.plus(Duration.ofDays(365L * 1000)).toString(), 1), 422, "end");

        assertNothingHeld(listing);
    }

    @Test
    void holdEndingBeyondYearNineHundredNinetyNineMillionIsABadRequest() {
        UUID listing = newListing();
        openInventory(listing, night(10), night(11), 3);

        problem(hold(listing, night(10).toString(), "+1000000000-01-01T00:00:00Z", 1), 400, "end");
        problem(hold(listing, night(10).toString(), Instant.MAX.toString(), 1), 400, "end");
        problem(hold(listing, "+999999999-06-01T00:00:00Z", "+999999999-06-02T00:00:00Z", 1), 400, "start");

        assertNothingHeld(listing);
    }

    @Test
    void inventoryRangeOfFarOutInstantsIsABadRequestAndOpensNothing() {
        UUID listing = newListing();

        problem(openRange(listing, "+300000-01-01T00:00:00Z", "+300000-01-02T00:00:00Z"), 400, "from");
        problem(openRange(listing, night(1).toString(), "+1000000000-12-31T00:00:00Z"), 400, "to");

        assertEquals(0, DB.count("SELECT count(*) FROM slot_inventory WHERE listing_id = ?", listing));
    }

    @Test
    void singleSlotAtAFarOutInstantIsABadRequest() {
        UUID listing = newListing();

        problem(given().auth().oauth2(TestTokens.operator(OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("capacity", 1))
                .when().put("/listings/{id}/inventory/{slot}", listing, "+300000-01-01T00:00:00Z"), 400, "slotStart");

        assertEquals(0, DB.count("SELECT count(*) FROM slot_inventory WHERE listing_id = ?", listing));
    }

    @Test
    void availabilityAndSearchAtFarOutInstantsAreBadRequests() {
        UUID listing = newListing();

        problem(given().queryParam("from", "+300000-01-01T00:00:00Z").queryParam("to", "+300000-01-02T00:00:00Z")
                .when().get("/listings/{id}/availability", listing), 400, "from");
        problem(given().queryParam("from", night(1).toString()).queryParam("to", "+1000000000-01-01T00:00:00Z")
                .when().get("/listings"), 400, "to");
    }

    @Test
    void totalBeyondWhatALongHoldsIsUnprocessable() {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("name", "Priceless suite");
        request.put("category", "STAY");
        request.put("city", "City-" + UUID.randomUUID());
        request.put("timeZone", "UTC");
        request.put("slotMinutes", 1440);
        request.put("unitPrice", Map.of("amount", Long.MAX_VALUE / 2, "currency", "EUR"));
        UUID listing = UUID.fromString(given().auth().oauth2(TestTokens.operator(OPERATOR)).contentType(ContentType.JSON)
                .body(request).when().post("/listings").then().statusCode(201).extract().path("id"));
        openInventory(listing, night(10), night(13), 5);

        hold(listing, night(10).toString(), night(13).toString(), 1)
                .then().statusCode(422).contentType("application/problem+json").body("status", equalTo(422));

        assertNothingHeld(listing);
    }

    @Test
    void pageNumberWhoseOffsetOverflowsIsABadRequestNamingPage() {
        problem(given().auth().oauth2(TestTokens.customer(customer)).queryParam("page", 30_000_000).queryParam("size", 100)
                .when().get("/bookings"), 400, "page");
        problem(given().auth().oauth2(TestTokens.operator(OPERATOR)).queryParam("page", Integer.MAX_VALUE).queryParam("size", 100)
                .when().get("/bookings"), 400, "page");
        problem(given().queryParam("page", 30_000_000).queryParam("size", 100).when().get("/listings"), 400, "page");
    }

    @Test
    void tokenWhoseSubjectIsNoUserIdIsUnauthorizedEverywhere() {
        String notAUser = TestTokens.withSubject("service-account-partner-demo", Set.of("customer", "operator"));
        UUID listing = newListing();
        openInventory(listing, night(10), night(11), 3);

        unauthorized(given().auth().oauth2(notAUser).when().get("/bookings"));
        unauthorized(given().auth().oauth2(notAUser).when().get("/bookings/{id}", UUID.randomUUID()));
        unauthorized(given().auth().oauth2(notAUser).when().post("/bookings/{id}/cancel", UUID.randomUUID()));
        unauthorized(given().auth().oauth2(TestTokens.withSubject("not-a-uuid", Set.of("customer"))).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body(BookingTestApi.holdBody(listing, night(10), night(11), 1))
                .when().post("/bookings"));

        assertNothingHeld(listing);
    }

    private Response hold(UUID listing, String start, String end, int quantity) {
        return given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .body("""
                        {"listingId":"%s","start":"%s","end":"%s","quantity":%d}""".formatted(listing, start, end, quantity))
                .when().post("/bookings");
    }

    private static Response openRange(UUID listing, String from, String to) {
        return given().auth().oauth2(TestTokens.operator(OPERATOR)).contentType(ContentType.JSON)
                .body(Map.of("from", from, "to", to, "capacity", 1))
                .when().put("/listings/{id}/inventory", listing);
    }

    private void assertNothingHeld(UUID listing) {
        assertEquals(0, bookings(listing));
        assertEquals(0, held(listing));
        assertEquals(0, DB.count("SELECT count(*) FROM outbox_event WHERE data ->> 'listingId' = ?", listing.toString()));
    }

    private static void unauthorized(Response response) {
        response.then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401));
    }

    private static void problem(Response response, int status, String field) {
        response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status))
                .body("errors.field", hasItem(field));
    }
}
