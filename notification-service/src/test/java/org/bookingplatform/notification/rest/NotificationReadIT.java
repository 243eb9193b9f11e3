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
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

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

    @Test
    void personMarksTheirOwnNotificationReadAndFiltersByUnread() {
        UUID alice = UUID.randomUUID();
        UUID read = notify(alice, UUID.randomUUID());
        UUID unread = notify(alice, UUID.randomUUID());

        given().auth().oauth2(TestTokens.customer(alice)).when().post("/notifications/" + read + "/read")
                .then().statusCode(200).body("id", equalTo(read.toString())).body("readAt", notNullValue());
        given().auth().oauth2(TestTokens.customer(alice)).queryParam("unread", true)
                .when().get("/notifications").then().statusCode(200).body("items.id", contains(unread.toString()));
        given().auth().oauth2(TestTokens.customer(alice)).queryParam("unread", false)
                .when().get("/notifications").then().statusCode(200).body("items.id", contains(read.toString()));
    }

    @Test
    void nobodyMarksAnotherPersonsNotifications() {
        UUID alice = UUID.randomUUID();
        UUID mallory = UUID.randomUUID();
        UUID alices = notify(alice, UUID.randomUUID());
        UUID mallorys = notify(mallory, UUID.randomUUID());

        given().auth().oauth2(TestTokens.customer(mallory)).when().post("/notifications/" + alices + "/read")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.customer(mallory)).when().post("/notifications/read-all")
                .then().statusCode(200).body("marked", equalTo(1));
        assertEquals(1, DB.count("SELECT count(*) FROM notification WHERE id = ? AND read_at IS NULL", alices));
        assertEquals(1, DB.count("SELECT count(*) FROM notification WHERE id = ? AND read_at IS NOT NULL", mallorys));
        given().auth().oauth2(TestTokens.customer(mallory)).when().get("/notifications")
                .then().statusCode(200).body("items.id", containsInAnyOrder(mallorys.toString()));
    }

    private static UUID notify(UUID user, UUID booking) {
        UUID id = UUID.randomUUID();
        DB.update("INSERT INTO notification (id, user_id, booking_id, kind, title, body) VALUES (?, ?, ?, 'booking.confirmed', 'Booking confirmed', 'See you soon')",
                id, user, booking);
        return id;
    }
}
