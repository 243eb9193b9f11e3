package org.bookingplatform.payment.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bookingplatform.payment.support.BookingEvents;
import org.bookingplatform.payment.support.HealthyProviderTest;
import org.bookingplatform.payment.support.PaymentSimulatorResource;
import org.bookingplatform.payment.support.PaymentStore;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.bookingplatform.payment.support.PaymentApi.pay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The safety net: an authorized payment that its booking neither confirms nor rejects in time (4 s in tests) is reported. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PaymentSimulatorResource.class, restrictToAnnotatedClass = false)
class UnconfirmedPaymentsIT extends HealthyProviderTest {

    private static final Duration WITHIN = Duration.ofSeconds(30);

    @Inject
    MeterRegistry metrics;

    @Test
    void authorizedPaymentThatItsBookingNeverConfirmsIsReportedOnceAndNotRefunded() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        double alertsBefore = alerts();
        UUID paymentId = paid(customer, booking);

        await().atMost(WITHIN).until(() -> reported(paymentId));
        assertTrue(alerts() >= alertsBefore + 1);
        assertTrue(metrics.get("payment.unconfirmed").gauge().value() >= 1);
        String reportedAt = reportedAt(paymentId);
        // Later runs do not report it again, and the money is left alone: only booking-service knows the booking.
        await().pollDelay(Duration.ofSeconds(3)).atMost(WITHIN).until(() -> true);
        assertEquals(reportedAt, reportedAt(paymentId));
        assertEquals(1, PaymentStore.count("SELECT count(*) FROM payment WHERE id = ? AND status = 'AUTHORIZED'", paymentId));
        assertEquals(0, PaymentStore.count("SELECT count(*) FROM refund WHERE payment_id = ?", paymentId));
    }

    @Test
    void paymentWhoseBookingIsConfirmedIsNeverReported() {
        UUID customer = UUID.randomUUID();
        UUID booking = UUID.randomUUID();
        UUID paymentId = paid(customer, booking);

        BookingEvents.confirmed(booking, customer, paymentId, 2);
        PaymentStore.awaitBookingStatus(booking, "CONFIRMED");
        // Past the 4 s and a few runs of the job.
        await().pollDelay(Duration.ofSeconds(7)).atMost(WITHIN).until(() -> true);

        assertTrue(!reported(paymentId));
    }

    private static UUID paid(UUID customer, UUID booking) {
        BookingEvents.requested(booking, customer, 2900);
        String id = pay(customer, booking, "pm_card_visa").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    private static boolean reported(UUID paymentId) {
        return PaymentStore.count("SELECT count(*) FROM payment WHERE id = ? AND unconfirmed_reported_at IS NOT NULL", paymentId) == 1;
    }

    private static String reportedAt(UUID paymentId) {
        return String.valueOf(PaymentStore.count(
                "SELECT (extract(epoch FROM unconfirmed_reported_at) * 1000)::bigint FROM payment WHERE id = ?", paymentId));
    }

    private double alerts() {
        return metrics.counter("payment.unconfirmed.alerts").count();
    }
}
