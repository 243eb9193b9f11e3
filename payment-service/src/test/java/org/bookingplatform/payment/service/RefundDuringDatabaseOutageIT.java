package org.bookingplatform.payment.service;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.payment.support.BookingEvents;
import org.bookingplatform.payment.support.HealthyProviderTest;
import org.bookingplatform.payment.support.PaymentEventsTopic;
import org.bookingplatform.payment.support.PaymentSimulatorResource;
import org.bookingplatform.payment.support.PaymentStore;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestPostgres;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.bookingplatform.payment.support.PaymentApi.pay;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * payment-service's database goes away for 90 s while a paid booking is cancelled: the consumer
 * attempts booking.cancelled again in place until the database is back, and the refund happens.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PaymentSimulatorResource.class, restrictToAnnotatedClass = false)
class RefundDuringDatabaseOutageIT extends HealthyProviderTest {

    private static final Duration OUTAGE = Duration.ofSeconds(90);
    private static final String DEAD_LETTER_TOPIC = "booking.events.payment-service.dead-letter";

    @ConfigProperty(name = "test.management.url")
    String managementUrl;

    @Test
    void bookingCancelledDuringANinetySecondDatabaseOutageIsRefundedWithoutADeadLetter() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        BookingEvents.requested(booking, customer, 7000);
        PaymentStore.awaitReplicated(booking);
        UUID paymentId = UUID.fromString(pay(customer, booking, "pm_card_visa").then().statusCode(201)
                .body("status", equalTo("AUTHORIZED")).extract().path("id"));
        UUID cancellation = UUID.randomUUID();

        TestPostgres.stop();
        try {
            BookingEvents.cancelled(cancellation, booking, customer, 3, "CONFIRMED");
            Thread.sleep(OUTAGE.toMillis());
            given().port(URI.create(managementUrl).getPort()).when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        } finally {
            TestPostgres.start();
        }

        PaymentStore.awaitPaymentStatus(paymentId, "REFUNDED", Duration.ofSeconds(90));
        assertEquals(1, PaymentEventsTopic.await(paymentId, PaymentEventsTopic.REFUNDED, 1).size());
        assertEquals(1, simulator.stats().refunds());
        assertEquals(1, PaymentStore.count("SELECT count(*) FROM processed_event WHERE event_id = ?", cancellation));
        assertEquals(0, KafkaTestClient.collect(DEAD_LETTER_TOPIC, KafkaTestClient.withKey(booking), Duration.ofSeconds(5)).size());
    }
}
