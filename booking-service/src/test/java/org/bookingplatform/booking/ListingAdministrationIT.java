package org.bookingplatform.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.booking.BookingTestApi.DB;
import static org.bookingplatform.booking.BookingTestApi.OPERATOR;
import static org.bookingplatform.booking.BookingTestApi.holdOk;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Operators shape the catalog and its inventory; visitors find listings with room for them. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class ListingAdministrationIT {

    @Test
    void operatorCreatesAListingThatAnyoneCanRead() {
        String city = "City-" + UUID.randomUUID();
        String location = operator().contentType(ContentType.JSON).body(listing(city, "Europe/Lisbon", 30))
                .when().post("/listings")
                .then().statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("unitPrice.amount", equalTo(4500))
                .extract().header("Location");

        given().when().get(location)
                .then().statusCode(200)
                .body("city", equalTo(city))
                .body("timeZone", equalTo("Europe/Lisbon"))
                .body("slotMinutes", equalTo(30))
                .body("category", equalTo("APPOINTMENT"));
    }

    @Test
    void onlyOperatorsCreateListings() {
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID())).contentType(ContentType.JSON).body(listing("X", "UTC", 60))
                .when().post("/listings").then().statusCode(403).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(listing("X", "UTC", 60))
                .when().post("/listings").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void invalidListingsAreBadRequestsNamingTheField() {
        long before = DB.count("SELECT count(*) FROM listing");
        Map<String, Object> unknownZone = listing("X", "Mars/Olympus", 60);
        operator().contentType(ContentType.JSON).body(unknownZone).when().post("/listings")
                .then().statusCode(400).body("errors.field", hasItem("timeZone"));
        operator().contentType(ContentType.JSON).body(listing("X", "UTC", 50)).when().post("/listings")
                .then().statusCode(400).body("errors.field", hasItem("slotMinutes"));
        Map<String, Object> unknownCategory = listing("X", "UTC", 60);
        unknownCategory.put("category", "CASTLE");
        operator().contentType(ContentType.JSON).body(unknownCategory).when().post("/listings")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("category"));
        Map<String, Object> noName = listing("X", "UTC", 60);
        noName.put("name", "");
        operator().contentType(ContentType.JSON).body(noName).when().post("/listings")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        assertEquals(before, DB.count("SELECT count(*) FROM listing"));
    }

    /** What a security scan sent ("\\u0000" was read as 0), and its kin: none of them is an amount. */
    @Test
    void anAmountThatIsNotAWholeJsonNumberIsABadRequestAndNothingIsWritten() {
        String city = "City-" + UUID.randomUUID();
        UUID id = newListing(city, "UTC", 1440);
        long before = DB.count("SELECT count(*) FROM listing");
        for (String amount : List.of("\"\\u0000\"", "\"\"", "\" \"", "\"12\"", "\"abc\"", "12.5", "null", "true")) {
            String unitPrice = "{\"amount\": " + amount + ", \"currency\": \"EUR\"}";
            operator().contentType(ContentType.JSON)
                    .body("{\"name\": \"Free?\", \"category\": \"STAY\", \"city\": \"" + city
                            + "\", \"timeZone\": \"UTC\", \"slotMinutes\": 1440, \"unitPrice\": " + unitPrice + "}")
                    .when().post("/listings")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("unitPrice.amount"));
            operator().contentType(ContentType.JSON)
                    .body("{\"name\": \"Free?\", \"category\": \"STAY\", \"city\": \"" + city + "\", \"unitPrice\": " + unitPrice + "}")
                    .when().put("/listings/{id}", id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("unitPrice.amount"));
        }
        operator().contentType(ContentType.JSON)
                .body("{\"name\": \"Free?\", \"category\": \"STAY\", \"city\": \"" + city + "\", \"unitPrice\": {\"currency\": \"EUR\"}}")
                .when().put("/listings/{id}", id)
                .then().statusCode(400).body("errors.field", hasItem("unitPrice.amount"));

        assertEquals(before, DB.count("SELECT count(*) FROM listing"), "no listing was created");
        assertEquals(1, DB.count("SELECT count(*) FROM listing WHERE id = ? AND unit_price_amount = 10000 AND name <> 'Free?'", id),
                "the listing kept its price and name");
    }

    @Test
    void operatorEditsAndArchivesAListingWhichThenLeavesTheSearch() {
        String city = "City-" + UUID.randomUUID();
        UUID id = newListing(city, "UTC", 1440);

        operator().contentType(ContentType.JSON)
                .body(Map.of("name", "Garden suite", "category", "STAY", "city", city,
                        "unitPrice", Map.of("amount", 15000, "currency", "EUR")))
                .when().put("/listings/{id}", id)
                .then().statusCode(200).body("name", equalTo("Garden suite")).body("unitPrice.amount", equalTo(15000));
        given().queryParam("city", city).when().get("/listings").then().body("items.name", contains("Garden suite"));

        operator().when().post("/listings/{id}/archive", id).then().statusCode(200).body("status", equalTo("ARCHIVED"));

        given().queryParam("city", city).when().get("/listings").then().statusCode(200).body("items", hasSize(0));
        operator().contentType(ContentType.JSON)
                .body(Map.of("name", "Again", "category", "STAY", "city", city, "unitPrice", Map.of("amount", 1, "currency", "EUR")))
                .when().put("/listings/{id}", id)
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void openingARangeCreatesEverySlotOnTheListingsLocalGrid() {
        UUID id = newListing("City-" + UUID.randomUUID(), "America/New_York", 60);
        // 09:00 to 12:00 in New York (UTC-4 in summer).
        String from = "2031-07-01T13:00:00Z";
        String to = "2031-07-01T16:00:00Z";

        operator().contentType(ContentType.JSON).body(Map.of("from", from, "to", to, "capacity", 2))
                .when().put("/listings/{id}/inventory", id)
                .then().statusCode(200)
                .body("start", contains("2031-07-01T13:00:00Z", "2031-07-01T14:00:00Z", "2031-07-01T15:00:00Z"))
                .body("remaining", everyItem(equalTo(2)));

        operator().contentType(ContentType.JSON).body(Map.of("from", "2031-07-01T13:30:00Z", "to", to, "capacity", 2))
                .when().put("/listings/{id}/inventory", id)
                .then().statusCode(422).body("errors.field", hasItem("from"));
    }

    @Test
    void capacityNeverDropsBelowWhatIsHeldOrBooked() {
        UUID id = newListing();
        openInventory(id, night(70), night(73), 4);
        holdOk(UUID.randomUUID(), id, night(71), night(72), 3);

        operator().contentType(ContentType.JSON).body(Map.of("capacity", 2))
                .when().put("/listings/{id}/inventory/{slot}", id, night(71).toString())
                .then().statusCode(409).contentType("application/problem+json");
        operator().contentType(ContentType.JSON).body(Map.of("from", night(70).toString(), "to", night(73).toString(), "capacity", 1))
                .when().put("/listings/{id}/inventory", id)
                .then().statusCode(409);

        assertEquals(12, DB.count("SELECT sum(capacity) FROM slot_inventory WHERE listing_id = ?", id), "nothing changed");
        operator().contentType(ContentType.JSON).body(Map.of("capacity", 3))
                .when().put("/listings/{id}/inventory/{slot}", id, night(71).toString())
                .then().statusCode(200).body("capacity", equalTo(3)).body("remaining", equalTo(0));
    }

    @Test
    void searchFindsOnlyListingsWithTheQuantityLeftInEveryNightOfTheStay() {
        String city = "City-" + UUID.randomUUID();
        UUID roomy = newListing(city, "UTC", 1440);
        openInventory(roomy, night(80), night(83), 3);
        UUID soldOutOneNight = newListing(city, "UTC", 1440);
        openInventory(soldOutOneNight, night(80), night(83), 3);
        holdOk(UUID.randomUUID(), soldOutOneNight, night(81), night(82), 2);
        UUID notOpenEveryNight = newListing(city, "UTC", 1440);
        openInventory(notOpenEveryNight, night(80), night(82), 3);

        given().queryParam("city", city).queryParam("from", night(80).toString()).queryParam("to", night(83).toString())
                .queryParam("quantity", 2)
                .when().get("/listings")
                .then().statusCode(200).body("items.id", contains(roomy.toString()));
        given().queryParam("city", city).queryParam("from", night(80).toString()).queryParam("to", night(83).toString())
                .when().get("/listings")
                .then().statusCode(200).body("items.id", hasSize(2)).body("items.id", hasItem(soldOutOneNight.toString()));
    }

    @Test
    void malformedSearchParametersAreBadRequestsNamingThem() {
        given().queryParam("category", "CASTLE").when().get("/listings")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("category"));
        given().queryParam("from", "tomorrow").queryParam("to", night(2).toString()).when().get("/listings")
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
        given().queryParam("from", night(1).toString()).when().get("/listings")
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().queryParam("from", night(1).toString()).queryParam("to", night(2).toString()).queryParam("quantity", "0")
                .when().get("/listings")
                .then().statusCode(400).body("errors[0].field", equalTo("quantity"));
        given().queryParam("from", "yesterday").queryParam("to", night(2).toString())
                .when().get("/listings/{id}/availability", UUID.randomUUID())
                .then().statusCode(400).body("errors[0].field", equalTo("from"));
    }

    @Test
    void listingsOfACategoryAreFoundByIt() {
        String city = "City-" + UUID.randomUUID();
        newListing(city, "UTC", 1440);
        String appointment = operator().contentType(ContentType.JSON).body(listing(city, "UTC", 30))
                .when().post("/listings").then().statusCode(201).extract().path("id");

        given().queryParam("city", city).queryParam("category", "APPOINTMENT").when().get("/listings")
                .then().statusCode(200).body("items.id", equalTo(List.of(appointment)));
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(TestTokens.operator(OPERATOR));
    }

    private static Map<String, Object> listing(String city, String timeZone, int slotMinutes) {
        Map<String, Object> listing = new java.util.LinkedHashMap<>();
        listing.put("name", "Haircut and styling");
        listing.put("category", "APPOINTMENT");
        listing.put("city", city);
        listing.put("timeZone", timeZone);
        listing.put("slotMinutes", slotMinutes);
        listing.put("unitPrice", Map.of("amount", 4500, "currency", "EUR"));
        return listing;
    }
}
