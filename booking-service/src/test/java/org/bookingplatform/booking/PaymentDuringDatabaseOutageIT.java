package org.bookingplatform.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestPostgres;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.bookingplatform.booking.BookingTestApi.DB;
import static org.bookingplatform.booking.BookingTestApi.booked;
import static org.bookingplatform.booking.BookingTestApi.held;
import static org.bookingplatform.booking.BookingTestApi.holdOk;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.bookingplatform.booking.BookingTestApi.publishAuthorized;
import static org.bookingplatform.booking.BookingTestApi.status;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * booking-service's database goes away for longer than any retry schedule of old (about 70 s)
 * while the payment of a hold arrives: the consumer attempts it again in place until the
 * database is back, so the booking is confirmed and nothing is dead-lettered.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class PaymentDuringDatabaseOutageIT {

    private static final Duration OUTAGE = Duration.ofSeconds(90);
    private static final String DEAD_LETTER_TOPIC = "payment.events.booking-service.dead-letter";

    @ConfigProperty(name = "test.management.url")
    String managementUrl;

    @Test
    void paymentAuthorizedDuringANinetySecondDatabaseOutageConfirmsTheBookingWithoutADeadLetter() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID listing = newListing();
        openInventory(listing, night(60), night(62), 2);
        UUID booking = holdOk(customer, listing, night(60), night(62), 1);
        UUID payment = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        // Read before the outage: the payment carries the booking's own total.
        long total = DB.count("SELECT total_amount FROM booking WHERE id = ?", booking);

        TestPostgres.stop();
        try {
            publishAuthorized(eventId, booking, customer, payment, total, "EUR");
            Thread.sleep(OUTAGE.toMillis());
            // Waiting for the database is not a fault of the service: it stays live, nobody restarts it.
            given().port(URI.create(managementUrl).getPort()).when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            TestPostgres.start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> "CONFIRMED".equals(status(booking)));
        assertEquals(2, booked(listing));
        assertEquals(0, held(listing));
        assertEquals(1, DB.count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId));
        assertEquals(0, KafkaTestClient.collect(DEAD_LETTER_TOPIC, KafkaTestClient.withKey(payment), Duration.ofSeconds(5)).size());
    }
}
