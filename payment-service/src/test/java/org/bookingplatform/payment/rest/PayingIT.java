package org.bookingplatform.payment.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.payment.support.BookingEvents;
import org.bookingplatform.payment.support.HealthyProviderTest;
import org.bookingplatform.payment.support.PaymentApi;
import org.bookingplatform.payment.support.PaymentEventsTopic;
import org.bookingplatform.payment.support.PaymentSimulatorResource;
import org.bookingplatform.payment.support.PaymentStore;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.payment.support.PaymentApi.body;
import static org.bookingplatform.payment.support.PaymentApi.pay;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A customer pays a booking through POST /payments, against the real simulator, database and Kafka. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PaymentSimulatorResource.class, restrictToAnnotatedClass = false)
class PayingIT extends HealthyProviderTest {

    @Test
    void customerPaysABookingKnownFromItsRequestedEventAndTheAuthorizationIsPublished() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        BookingEvents.requested(booking, customer, 12000);
        PaymentStore.awaitReplicated(booking);

        String id = pay(customer, booking, "pm_card_visa")
                .then().statusCode(201)
                .header("Location", notNullValue())
                .body("status", equalTo("AUTHORIZED"), "amount", equalTo(12000), "currency", equalTo("EUR"),
                        "bookingId", equalTo(booking.toString()))
                .extract().path("id");
        UUID paymentId = UUID.fromString(id);

        JsonNode charge = simulator.paymentByKey("pay-" + paymentId);
        assertEquals(12000, charge.get("amount").asLong());
        assertEquals(booking.toString(), charge.get("reference").asText());
        ConsumerRecord<String, String> event = PaymentEventsTopic.await(paymentId, PaymentEventsTopic.AUTHORIZED, 1).get(0);
        JsonNode data = PaymentEventsTopic.data(event);
        assertEquals(booking.toString(), data.get("bookingId").asText());
        assertEquals(customer.toString(), data.get("customerId").asText());
        assertEquals(12000, data.get("amount").asLong());
        assertEquals(1, data.get("version").asInt());
        assertEquals(1, PaymentStore.count("SELECT count(*) FROM payment_attempt WHERE payment_id = ? AND outcome = 'AUTHORIZED'", paymentId));
        PaymentStore.awaitBookingStatus(booking, "PAID");
    }

    @Test
    void sameRequestTwiceChargesOnceAndReplaysTheFirstAnswer() {
        UUID customer = UUID.randomUUID();
        UUID booking = PaymentStore.payableBooking(customer, 9900);
        String key = UUID.randomUUID().toString();

        String first = pay(customer, key, body(booking, "pm_card_visa")).then().statusCode(201).extract().path("id");
        String second = pay(customer, key, body(booking, "pm_card_visa"))
                .then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("status", equalTo("AUTHORIZED"))
                .extract().path("id");

        assertEquals(first, second);
        assertEquals(1, simulator.stats().charges());
        assertEquals(1, PaymentStore.count("SELECT count(*) FROM payment WHERE booking_id = ?", booking));
    }

    @Test
    void sameKeyWithADifferentBodyIsRefused() {
        UUID customer = UUID.randomUUID();
        UUID booking = PaymentStore.payableBooking(customer, 9900);
        String key = UUID.randomUUID().toString();
        pay(customer, key, body(booking, "pm_card_visa")).then().statusCode(201);
        long requestsBefore = simulator.stats().requests();

        pay(customer, key, body(booking, "pm_card_mastercard"))
                .then().statusCode(409).contentType("application/problem+json");

        assertEquals(requestsBefore, simulator.stats().requests());
        assertEquals(1, simulator.stats().charges());
    }

    @Test
    void amountSentByTheClientIsRefusedAndTheBookingsAmountIsCharged() {
        UUID customer = UUID.randomUUID();
        UUID booking = PaymentStore.payableBooking(customer, 25800);

        pay(customer, UUID.randomUUID().toString(), Map.of("bookingId", booking.toString(), "paymentMethod", "pm_card_visa", "amount", 1))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("amount"));
        assertEquals(0, simulator.stats().requests());
        assertEquals(0, PaymentStore.count("SELECT count(*) FROM payment WHERE booking_id = ?", booking));

        String id = pay(customer, booking, "pm_card_visa").then().statusCode(201).body("amount", equalTo(25800)).extract().path("id");
        assertEquals(25800, simulator.paymentByKey("pay-" + id).get("amount").asLong());
    }

    @Test
    void anotherCustomerCanNeitherPayForNorReadSomeoneElsesPayment() {
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID booking = PaymentStore.payableBooking(alice, 5000);

        pay(bob, booking, "pm_card_visa").then().statusCode(404).contentType("application/problem+json");
        assertEquals(0, simulator.stats().requests());

        String id = pay(alice, booking, "pm_card_visa").then().statusCode(201).extract().path("id");
        PaymentApi.get(bob, UUID.fromString(id)).then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.customer(bob)).queryParam("bookingId", booking)
                .when().get("/payments")
                .then().statusCode(200).body("items.size()", equalTo(0));
        PaymentApi.get(alice, UUID.fromString(id)).then().statusCode(200).body("status", equalTo("AUTHORIZED"));
    }

    @Test
    void declinedCardIsRecordedAndPublishedAndTheCustomerMayPayWithAnotherCard() {
        UUID customer = UUID.randomUUID();
        UUID booking = PaymentStore.payableBooking(customer, 7000);

        String declined = pay(customer, booking, "pm_card_insufficient_funds")
                .then().statusCode(201)
                .body("status", equalTo("DECLINED"), "declineReason", equalTo("INSUFFICIENT_FUNDS"))
                .extract().path("id");
        JsonNode data = PaymentEventsTopic.data(PaymentEventsTopic.await(UUID.fromString(declined), PaymentEventsTopic.DECLINED, 1).get(0));
        assertEquals("INSUFFICIENT_FUNDS", data.get("reason").asText());

        pay(customer, booking, "pm_card_mastercard").then().statusCode(201).body("status", equalTo("AUTHORIZED"));
        given().auth().oauth2(TestTokens.customer(customer)).queryParam("bookingId", booking)
                .when().get("/payments")
                .then().statusCode(200).body("items.status", contains("DECLINED", "AUTHORIZED"));
    }

    @Test
    void bookingStillUnknownAfterTheWaitIsAConflictToRetryAndTheSameKeyWorksOnceItIsKnown() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        pay(customer, key, body(booking, "pm_card_visa"))
                .then().statusCode(409).contentType("application/problem+json").header("Retry-After", notNullValue());
        assertEquals(0, simulator.stats().requests());

        BookingEvents.requested(booking, customer, 4200);
        PaymentStore.awaitReplicated(booking);
        pay(customer, key, body(booking, "pm_card_visa")).then().statusCode(201).body("amount", equalTo(4200));
    }

    @Test
    void bookingThatIsNoLongerPayableIsRefusedWithoutCharging() {
        UUID customer = UUID.randomUUID();
        UUID expiredByEvent = UUID.randomUUID();
        UUID cancelledByEvent = UUID.randomUUID();
        BookingEvents.requested(expiredByEvent, customer, 3000);
        BookingEvents.requested(cancelledByEvent, customer, 3000);
        BookingEvents.expired(expiredByEvent, customer, 2);
        BookingEvents.cancelled(UUID.randomUUID(), cancelledByEvent, customer, 2, "PENDING_PAYMENT");
        PaymentStore.awaitBookingStatus(expiredByEvent, "EXPIRED");
        PaymentStore.awaitBookingStatus(cancelledByEvent, "CANCELLED");
        UUID holdPassed = PaymentStore.payableBooking(customer, 3000, Instant.now().minus(1, ChronoUnit.MINUTES));
        UUID alreadyPaid = PaymentStore.payableBooking(customer, 3000);
        pay(customer, alreadyPaid, "pm_card_visa").then().statusCode(201);
        long requestsBefore = simulator.stats().requests();

        for (UUID booking : List.of(expiredByEvent, cancelledByEvent, holdPassed, alreadyPaid)) {
            pay(customer, booking, "pm_card_visa").then().statusCode(409).contentType("application/problem+json");
        }

        assertEquals(requestsBefore, simulator.stats().requests());
        assertEquals(1, PaymentStore.count("SELECT count(*) FROM payment WHERE customer_id = ?", customer));
    }

    @Test
    void malformedRequestsAreRefusedWithProblemDetailsAndNothingIsCharged() {
        UUID customer = UUID.randomUUID();
        UUID booking = PaymentStore.payableBooking(customer, 3000);

        pay(customer, booking, "card 4111 1111 1111 1111")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("paymentMethod"));
        given().auth().oauth2(TestTokens.customer(customer)).contentType(ContentType.JSON).body(body(booking, "pm_card_visa"))
                .when().post("/payments")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("Idempotency-Key"));
        pay(customer, UUID.randomUUID().toString(), Map.of("paymentMethod", "pm_card_visa"))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("bookingId"));
        pay(customer, UUID.randomUUID().toString(), Map.of("bookingId", "not-a-uuid", "paymentMethod", "pm_card_visa"))
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", contains("bookingId"));

        assertEquals(0, simulator.stats().requests());
        assertEquals(0, PaymentStore.count("SELECT count(*) FROM payment WHERE booking_id = ?", booking));
    }

    @Test
    void paymentMethodTheProviderDoesNotKnowIsDeclinedWithoutACharge() {
        UUID customer = UUID.randomUUID();
        UUID booking = PaymentStore.payableBooking(customer, 3000);

        String id = pay(customer, booking, "pm_card_unknown_to_the_provider")
                .then().statusCode(201).body("status", equalTo("DECLINED"), "declineReason", equalTo("PROVIDER_ERROR"))
                .extract().path("id");

        assertEquals(0, simulator.stats().charges());
        PaymentEventsTopic.await(UUID.fromString(id), PaymentEventsTopic.DECLINED, 1);
    }

    @Test
    void onlyCustomersPay() {
        UUID booking = PaymentStore.payableBooking(UUID.randomUUID(), 3000);

        given().auth().oauth2(TestTokens.operator(UUID.randomUUID()))
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .contentType(ContentType.JSON).body(body(booking, "pm_card_visa"))
                .when().post("/payments")
                .then().statusCode(403).contentType("application/problem+json");
        assertEquals(0, simulator.stats().requests());
    }
}
