package org.bookingplatform.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Availability is public, so one answer is bounded whatever window is asked for: it comes in pages. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class AvailabilityIT {

    @Test
    void aYearOfFiveMinuteSlotsComesInBoundedPagesThatFollowEachOther() {
        UUID listing = newListing("City-" + UUID.randomUUID(), "UTC", 5);
        openInventory(listing, night(10), night(12), 2);

        List<String> starts = new ArrayList<>();
        String from = night(10).toString();
        int pages = 0;
        while (from != null) {
            JsonPath page = given().queryParam("from", from).queryParam("to", night(10).plus(Duration.ofDays(366)).toString())
                    .queryParam("size", 250)
                    .when().get("/listings/{id}/availability", listing)
                    .then().statusCode(200).extract().jsonPath();
            List<String> items = page.getList("items.start");
            starts.addAll(items);
            from = page.getString("next");
            assertEquals(from != null, page.getBoolean("hasMore"));
            pages++;
        }

        assertEquals(3, pages);
        assertEquals(2 * 288, starts.size());
        assertEquals(night(10).toString(), starts.get(0));
        assertEquals(night(12).minus(Duration.ofMinutes(5)).toString(), starts.get(starts.size() - 1));
        assertEquals(starts.size(), starts.stream().distinct().count());
    }

    @Test
    void withoutASizeOnePageHoldsAHundredSlots() {
        UUID listing = newListing("City-" + UUID.randomUUID(), "UTC", 5);
        openInventory(listing, night(10), night(11), 2);

        given().queryParam("from", night(10).toString()).queryParam("to", night(11).toString())
                .when().get("/listings/{id}/availability", listing)
                .then().statusCode(200)
                .body("items", hasSize(100))
                .body("size", equalTo(100))
                .body("hasMore", equalTo(true))
                .body("next", equalTo(night(10).plus(Duration.ofMinutes(500)).toString()));
    }

    @Test
    void lastPageSaysThereIsNoMore() {
        UUID listing = newListing();
        openInventory(listing, night(10), night(13), 2);

        given().queryParam("from", night(10).toString()).queryParam("to", night(13).toString())
                .when().get("/listings/{id}/availability", listing)
                .then().statusCode(200)
                .body("items", hasSize(3))
                .body("hasMore", equalTo(false))
                .body("next", nullValue());
    }

    @Test
    void pageSizeOutsideItsBoundsIsABadRequestNamingSize() {
        UUID listing = newListing();
        for (String size : List.of("0", "501", "-1", "2147483648", "lots")) {
            given().queryParam("from", night(10).toString()).queryParam("to", night(13).toString()).queryParam("size", size)
                    .when().get("/listings/{id}/availability", listing)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("size"));
        }
    }

    @Test
    void windowLongerThanAYearIsUnprocessable() {
        UUID listing = newListing();
        Instant from = night(1);
        given().queryParam("from", from.toString()).queryParam("to", from.plus(Duration.ofDays(367)).toString())
                .when().get("/listings/{id}/availability", listing)
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("to"));
    }
}
