package org.bookingplatform.booking.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class CatalogIT {

    private static final TestDatabase DB = TestDatabase.of("booking_service");

    @Test
    void anonymousVisitorFindsActiveListingsOfACityFromTheMigratedDatabase() {
        String city = "City-" + UUID.randomUUID();
        UUID active = insertListing(city, "ACTIVE");
        insertListing(city, "ARCHIVED");

        given().queryParam("city", city.toUpperCase())
                .when().get("/listings")
                .then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].id", equalTo(active.toString()))
                .body("items[0].unitPrice.amount", equalTo(12900))
                .body("hasMore", equalTo(false));
    }

    @Test
    void availabilityShowsRemainingCapacityPerSlot() {
        UUID listing = insertListing("City-" + UUID.randomUUID(), "ACTIVE");
        Instant night = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(10, ChronoUnit.DAYS);
        DB.update("INSERT INTO slot_inventory (listing_id, slot_start, capacity, held, booked) VALUES (?, ?, 5, 1, 2)",
                listing, Timestamp.from(night));

        given().queryParam("from", night.toString()).queryParam("to", night.plus(1, ChronoUnit.DAYS).toString())
                .when().get("/listings/{id}/availability", listing)
                .then().statusCode(200)
                .body("items.remaining", contains(2))
                .body("items.capacity", contains(5));
    }

    @Test
    void databaseRefusesASlotHeldBeyondItsCapacity() {
        UUID listing = insertListing("City-" + UUID.randomUUID(), "ACTIVE");
        Instant night = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(3, ChronoUnit.DAYS);
        DB.update("INSERT INTO slot_inventory (listing_id, slot_start, capacity) VALUES (?, ?, 2)", listing, Timestamp.from(night));

        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> DB.update("UPDATE slot_inventory SET held = 3 WHERE listing_id = ?", listing));
        org.junit.jupiter.api.Assertions.assertEquals(0,
                DB.count("SELECT held FROM slot_inventory WHERE listing_id = ?", listing));
    }

    @Test
    void bookingsNeedAToken() {
        given().when().get("/bookings")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void tokenFromAnUntrustedKeyIsRejected() {
        given().auth().oauth2(TestTokens.signedByStranger(UUID.randomUUID()))
                .when().get("/bookings")
                .then().statusCode(401);
    }

    @Test
    void everyTokenThatFailsVerificationIs401NeverAnIdentityProviderFailure() {
        TestTokens.unverifiable(UUID.randomUUID()).forEach((reason, token) ->
                given().auth().oauth2(token)
                        .when().get("/bookings")
                        .then().statusCode(401)
                        .contentType("application/problem+json")
                        .header("WWW-Authenticate", "Bearer"));
    }

    @Test
    void customerSeesOnlyTheirOwnBookings() {
        UUID customer = UUID.randomUUID();
        UUID listing = insertListing("City-" + UUID.randomUUID(), "ACTIVE");
        UUID own = insertBooking(listing, customer);
        insertBooking(listing, UUID.randomUUID());

        given().auth().oauth2(TestTokens.customer(customer))
                .when().get("/bookings")
                .then().statusCode(200)
                .body("items.id", contains(own.toString()));
    }

    @Test
    void anotherCustomersBookingIsNotFound() {
        UUID listing = insertListing("City-" + UUID.randomUUID(), "ACTIVE");
        UUID someoneElses = insertBooking(listing, UUID.randomUUID());

        given().auth().oauth2(TestTokens.customer(UUID.randomUUID()))
                .when().get("/bookings/{id}", someoneElses)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void oversizedPageIsABadRequestNamingTheField() {
        given().queryParam("size", 1000)
                .when().get("/listings")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    private static UUID insertListing(String city, String status) {
        UUID id = UUID.randomUUID();
        DB.update("""
                INSERT INTO listing (id, name, category, city, time_zone, slot_minutes, unit_price_amount, currency, status)
                VALUES (?, 'Sea view double room', 'STAY', ?, 'Europe/Lisbon', 1440, 12900, 'EUR', ?)""", id, city, status);
        return id;
    }

    private static UUID insertBooking(UUID listing, UUID customer) {
        UUID id = UUID.randomUUID();
        Instant start = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(20, ChronoUnit.DAYS);
        DB.update("""
                INSERT INTO booking (id, listing_id, customer_id, slot_start, slot_end, quantity, total_amount, currency, status, hold_expires_at)
                VALUES (?, ?, ?, ?, ?, 1, 12900, 'EUR', 'CONFIRMED', now() + interval '15 minutes')""",
                id, listing, customer, Timestamp.from(start), Timestamp.from(start.plus(1, ChronoUnit.DAYS)));
        return id;
    }
}
