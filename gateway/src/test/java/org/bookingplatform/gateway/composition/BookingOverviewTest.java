package org.bookingplatform.gateway.composition;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.gateway.support.StubService.Reply;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class BookingOverviewTest {

    private final String token = TestTokens.customer(UUID.randomUUID());

    @Test
    void theOverviewJoinsBookingPaymentsAndNotificationsCalledWithTheCallersToken() {
        UUID id = UUID.randomUUID();
        Backends.BOOKING.script("/bookings/" + id, Reply.json(200, "{\"id\":\"" + id + "\",\"status\":\"CONFIRMED\"}"));
        Backends.PAYMENT.script("/payments?bookingId=" + id, Reply.json(200, "{\"items\":[{\"amount\":12000}]}"));
        Backends.NOTIFICATION.script("/notifications?bookingId=" + id, Reply.json(200, "{\"items\":[{\"kind\":\"booking.confirmed\"}]}"));

        given().auth().oauth2(token).header("X-Request-Id", "overview-1")
                .when().get("/api/v1/me/bookings/{id}/overview", id)
                .then().statusCode(200)
                .body("booking.status", equalTo("CONFIRMED"))
                .body("payments.items[0].amount", equalTo(12000))
                .body("notifications.items[0].kind", equalTo("booking.confirmed"))
                .body("missing", empty());

        assertThat(Backends.PAYMENT.last("/payments").header("authorization"), equalTo("Bearer " + token));
        assertThat(Backends.NOTIFICATION.last("/notifications").header("x-request-id"), equalTo("overview-1"));
        assertThat(Backends.BOOKING.last("/bookings/" + id).header("authorization"), equalTo("Bearer " + token));
    }

    @Test
    void aFailingPaymentServiceAndASlowNotificationServiceGiveAPartialAnswer() {
        UUID id = UUID.randomUUID();
        Backends.BOOKING.script("/bookings/" + id, Reply.json(200, "{\"id\":\"" + id + "\"}"));
        Backends.PAYMENT.script("/payments?bookingId=" + id, Reply.problem(503, "payments down"));
        Backends.NOTIFICATION.script("/notifications?bookingId=" + id, Reply.json(200, "{\"items\":[]}").after(3_000));

        long started = System.nanoTime();
        given().auth().oauth2(token)
                .when().get("/api/v1/me/bookings/{id}/overview", id)
                .then().statusCode(200)
                .body("booking.id", equalTo(id.toString()))
                .body("payments", nullValue())
                .body("notifications", nullValue())
                .body("missing", containsInAnyOrder("payments", "notifications"));
        assertThat("the slow part is given up after the part timeout", Duration.ofNanos(System.nanoTime() - started).toMillis(), lessThan(2_500L));
    }

    @Test
    void onlyTheMissingPartIsNamed() {
        UUID id = UUID.randomUUID();
        Backends.BOOKING.script("/bookings/" + id, Reply.json(200, "{\"id\":\"" + id + "\"}"));
        Backends.PAYMENT.script("/payments?bookingId=" + id, Reply.json(200, "{\"items\":[]}"));
        Backends.NOTIFICATION.script("/notifications?bookingId=" + id, Reply.problem(500, "bug"));

        given().auth().oauth2(token)
                .when().get("/api/v1/me/bookings/{id}/overview", id)
                .then().statusCode(200)
                .body("payments.items", empty())
                .body("missing", contains("notifications"));
    }

    @Test
    void anUnknownBookingIs404Problem() {
        UUID id = UUID.randomUUID();
        Backends.BOOKING.script("/bookings/" + id, Reply.problem(404, "no such booking"));

        given().auth().oauth2(token)
                .when().get("/api/v1/me/bookings/{id}/overview", id)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void withoutTheBookingServiceThereIsNoOverview() {
        UUID id = UUID.randomUUID();
        Backends.BOOKING.script("/bookings/" + id, Reply.problem(503, "booking-service overloaded"));

        given().auth().oauth2(token)
                .when().get("/api/v1/me/bookings/{id}/overview", id)
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "1");
    }

    @Test
    void theOverviewNeedsAToken() {
        given().when().get("/api/v1/me/bookings/{id}/overview", UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }
}
