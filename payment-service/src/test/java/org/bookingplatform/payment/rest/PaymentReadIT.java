package org.bookingplatform.payment.rest;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.payment.support.PaymentSimulatorResource;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PaymentSimulatorResource.class, restrictToAnnotatedClass = false)
class PaymentReadIT {

    private static final TestDatabase DB = TestDatabase.of("payment_service");

    @Test
    void customerReadsOnlyTheirOwnPaymentsAndAnOperatorReadsAll() {
        UUID alice = UUID.randomUUID();
        UUID booking = payableBooking(alice);
        UUID payment = payment(booking, alice, "AUTHORIZED");

        given().auth().oauth2(TestTokens.customer(alice)).queryParam("bookingId", booking)
                .when().get("/payments")
                .then().statusCode(200).body("items.id", contains(payment.toString()));
        given().auth().oauth2(TestTokens.customer(UUID.randomUUID()))
                .when().get("/payments/{id}", payment)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.operator(UUID.randomUUID()))
                .when().get("/payments/{id}", payment)
                .then().statusCode(200).body("amount", equalTo(25800));
    }

    @Test
    void partnerRoleMayNotReadPayments() {
        given().auth().oauth2(TestTokens.partner(UUID.randomUUID()))
                .when().get("/payments")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void databaseRefusesASecondAuthorizedPaymentForOneBooking() {
        UUID customer = UUID.randomUUID();
        UUID booking = payableBooking(customer);
        payment(booking, customer, "AUTHORIZED");

        assertThrows(IllegalStateException.class, () -> payment(booking, customer, "AUTHORIZED"));
    }

    private static UUID payableBooking(UUID customer) {
        UUID booking = UUID.randomUUID();
        DB.update("""
                INSERT INTO payable_booking (booking_id, customer_id, amount, currency, hold_expires_at, status)
                VALUES (?, ?, 25800, 'EUR', now() + interval '15 minutes', 'PAYABLE')""", booking, customer);
        return booking;
    }

    private static UUID payment(UUID booking, UUID customer, String status) {
        UUID id = UUID.randomUUID();
        DB.update("""
                INSERT INTO payment (id, booking_id, customer_id, amount, currency, payment_method, idempotency_key, status)
                VALUES (?, ?, ?, 25800, 'EUR', 'pm_card_visa', ?, ?)""", id, booking, customer, id.toString(), status);
        return id;
    }
}
