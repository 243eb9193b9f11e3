package org.bookingplatform.notification.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class NotificationReadIT {

    private static final TestDatabase DB = TestDatabase.of("notification_service");

    @Test
    void personReadsOnlyTheirOwnNotificationsFilteredByBooking() {
        UUID alice = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        UUID aboutBooking = notify(alice, booking);
        notify(alice, UUID.randomUUID());
        notify(UUID.randomUUID(), booking);

        given().auth().oauth2(TestTokens.customer(alice)).queryParam("bookingId", booking)
                .when().get("/notifications")
                .then().statusCode(200).body("items.id", contains(aboutBooking.toString()));
    }

    private static UUID notify(UUID user, UUID booking) {
        UUID id = UUID.randomUUID();
        DB.update("INSERT INTO notification (id, user_id, booking_id, kind, title, body) VALUES (?, ?, ?, 'booking.confirmed', 'Booking confirmed', 'See you soon')",
                id, user, booking);
        return id;
    }
}
