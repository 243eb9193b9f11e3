package org.bookingplatform.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.booking.BookingTestApi.holdOk;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.hamcrest.Matchers.contains;

/**
 * Verified tokens are reused for a while (platform.security.token-cache), never beyond what a
 * fresh verification would allow: the token's expiry, its subject and its roles.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class TokenCacheIT {

    @Test
    void aTokenVerifiedAMomentAgoStillExpiresOnTime() throws InterruptedException {
        String token = TestTokens.token(UUID.randomUUID(), Set.of("customer"), Duration.ofSeconds(3));
        given().auth().oauth2(token).when().get("/bookings").then().statusCode(200);
        given().auth().oauth2(token).when().get("/bookings").then().statusCode(200);

        Thread.sleep(4_000);

        given().auth().oauth2(token).when().get("/bookings").then().statusCode(401);
    }

    @Test
    void repeatedRequestsKeepEachTokensSubjectAndRoles() {
        UUID listing = newListing();
        openInventory(listing, night(40), night(41), 3);
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID alicesBooking = holdOk(alice, listing, night(40), night(41), 1);
        UUID bobsBooking = holdOk(bob, listing, night(40), night(41), 1);
        String alicesToken = TestTokens.customer(alice);
        String bobsToken = TestTokens.customer(bob);
        String operatorsToken = TestTokens.operator(UUID.randomUUID());
        String partnersToken = TestTokens.partner(UUID.randomUUID());

        for (int round = 0; round < 3; round++) {
            given().auth().oauth2(alicesToken).when().get("/bookings").then().statusCode(200)
                    .body("items.id", contains(alicesBooking.toString()));
            given().auth().oauth2(bobsToken).when().get("/bookings").then().statusCode(200)
                    .body("items.id", contains(bobsBooking.toString()));
            given().auth().oauth2(alicesToken).when().get("/bookings/{id}", bobsBooking).then().statusCode(404);
            given().auth().oauth2(operatorsToken).when().get("/bookings/{id}", bobsBooking).then().statusCode(200);
            given().auth().oauth2(partnersToken).when().get("/bookings").then().statusCode(403);
        }
    }
}
