package org.bookingplatform.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.booking.BookingTestApi.DB;
import static org.bookingplatform.booking.BookingTestApi.OPERATOR;
import static org.bookingplatform.booking.BookingTestApi.bookings;
import static org.bookingplatform.booking.BookingTestApi.held;
import static org.bookingplatform.booking.BookingTestApi.hold;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every impossible hold is a 4xx problem naming the field, and leaves nothing behind: no
 * booking, no held unit, no stored Idempotency-Key, no event.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class HoldValidationIT {

    private final UUID customer = UUID.randomUUID();
    private final String key = UUID.randomUUID().toString();
    private UUID listing;

    @BeforeEach
    void listingWithOpenNights() {
        listing = newListing();
        openInventory(listing, night(10), night(14), 5);
    }

    @AfterEach
    void nothingWasWritten() {
        assertEquals(0, bookings(listing));
        assertEquals(0, held(listing));
        assertEquals(0, DB.count("SELECT count(*) FROM idempotency_key WHERE key = ?", key));
        assertEquals(0, DB.count("SELECT count(*) FROM outbox_event WHERE data ->> 'listingId' = ?", listing.toString()));
    }

    @Test
    void endEqualToStartIsUnprocessable() {
        problem(hold(customer, key, listing, night(10), night(10), 1), 422, "end");
    }

    @Test
    void endBeforeStartIsUnprocessable() {
        problem(hold(customer, key, listing, night(12), night(10), 1), 422, "end");
    }

    @Test
    void startOffTheListingsSlotGridIsUnprocessable() {
        problem(hold(customer, key, listing, night(10).plus(Duration.ofHours(14)), night(12), 1), 422, "start");
    }

    @Test
    void endOffTheListingsSlotGridIsUnprocessable() {
        problem(hold(customer, key, listing, night(10), night(11).plus(Duration.ofMinutes(30)), 1), 422, "end");
    }

    @Test
    void startInThePastIsUnprocessable() {
        problem(hold(customer, key, listing, night(-1), night(1), 1), 422, "start");
    }

    @Test
    void quantityBelowOneIsABadRequest() {
        problem(hold(customer, key, listing, night(10), night(11), 0), 400, "quantity");
    }

    @Test
    void quantityAboveTheConfiguredMaximumIsABadRequest() {
        problem(hold(customer, key, listing, night(10), night(11), 21), 400, "quantity");
    }

    @Test
    void unknownListingIsUnprocessableNamingListingId() {
        problem(hold(customer, key, UUID.randomUUID(), night(10), night(11), 1), 422, "listingId");
    }

    @Test
    void archivedListingIsAConflictNamingListingId() {
        given().auth().oauth2(TestTokens.operator(OPERATOR)).when().post("/listings/{id}/archive", listing).then().statusCode(200);
        problem(hold(customer, key, listing, night(10), night(11), 1), 409, "listingId");
    }

    @Test
    void nightNotOpenForSaleIsAConflict() {
        hold(customer, key, listing, night(13), night(15), 1)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void missingIdempotencyKeyIsABadRequestNamingTheHeader() {
        problem(given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON)
                .body(BookingTestApi.holdBody(listing, night(10), night(11), 1))
                .when().post("/bookings"), 400, "Idempotency-Key");
    }

    @Test
    void malformedJsonIsABadRequest() {
        given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"listingId\": ")
                .when().post("/bookings")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformedListingIdIsABadRequestNamingIt() {
        problem(given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"listingId\":\"not-a-uuid\",\"start\":\"" + night(10) + "\",\"end\":\"" + night(11) + "\",\"quantity\":1}")
                .when().post("/bookings"), 400, "listingId");
    }

    @Test
    void missingFieldsAreABadRequestNamingThem() {
        problem(given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body("{\"listingId\":\"" + listing + "\",\"quantity\":1}")
                .when().post("/bookings"), 400, "start");
    }

    @Test
    void operatorsDoNotPlaceHolds() {
        given().auth().oauth2(TestTokens.operator(UUID.randomUUID())).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(BookingTestApi.holdBody(listing, night(10), night(11), 1))
                .when().post("/bookings")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void unknownStatusFilterIsABadRequestNamingTheParameter() {
        problem(given().auth().oauth2(TestTokens.customer(customer)).queryParam("status", "PAID")
                .when().get("/bookings"), 400, "status");
    }

    @Test
    void anotherCustomersBookingCannotBeCancelledAndIsNotRevealed() {
        UUID otherListing = newListing();
        openInventory(otherListing, night(10), night(11), 1);
        UUID someoneElses = BookingTestApi.holdOk(UUID.randomUUID(), otherListing, night(10), night(11), 1);

        given().auth().oauth2(TestTokens.customer(customer)).when().post("/bookings/{id}/cancel", someoneElses)
                .then().statusCode(404).contentType("application/problem+json");

        assertEquals("PENDING_PAYMENT", BookingTestApi.status(someoneElses));
        assertEquals(1, held(otherListing));
    }

    private static void problem(io.restassured.response.Response response, int status, String field) {
        ValidatableResponse then = response.then().statusCode(status).contentType("application/problem+json")
                .body("status", equalTo(status));
        then.body("errors.field", hasItem(field));
    }
}
