package org.bookingplatform.payment.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bookingplatform.payment.support.BookingEvents;
import org.bookingplatform.payment.support.HealthyProviderTest;
import org.bookingplatform.payment.support.PaymentSimulatorResource;
import org.bookingplatform.payment.support.PaymentStore;
import org.bookingplatform.testsupport.ExportedMetrics;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static org.bookingplatform.payment.support.PaymentApi.pay;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Payments, declines and refunds move their counters through the real provider simulator and
 * Kafka, and the management port exports every metric the dashboard and the alerts expect of
 * payment-service (the provider's call latency and breaker state included).
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = PaymentSimulatorResource.class, restrictToAnnotatedClass = false)
class MetricsExportIT extends HealthyProviderTest {

    @Inject
    MeterRegistry registry;

    @TestHTTPResource(value = "/metrics", management = true)
    URI metrics;

    @Test
    void authorizationDeclineAndRefundEachCountOnceByOutcomeAndTheScrapeHasEveryExpectedMetric() {
        double authorized = outcomes("authorized", "none");
        double insufficientFunds = outcomes("declined", "insufficient_funds");
        double refunded = refunds("refunded");
        UUID customer = UUID.randomUUID();
        UUID paid = UUID.randomUUID();
        BookingEvents.requested(paid, customer, 9000);
        PaymentStore.awaitReplicated(paid);
        UUID declined = UUID.randomUUID();
        BookingEvents.requested(declined, customer, 9000);
        PaymentStore.awaitReplicated(declined);

        String paymentId = pay(customer, paid, "pm_card_visa").then().statusCode(201)
                .body("status", equalTo("AUTHORIZED")).extract().path("id");
        // 201 DECLINED, or 503 while the outcome is still pending: the recovery job settles it then.
        pay(customer, declined, "pm_card_insufficient_funds");
        BookingEvents.cancelled(UUID.randomUUID(), paid, customer, 3, "CONFIRMED");
        PaymentStore.awaitPaymentStatus(UUID.fromString(paymentId), "REFUNDED", Duration.ofSeconds(60));

        assertEquals(authorized + 1, outcomes("authorized", "none"));
        await().atMost(Duration.ofSeconds(60)).until(() -> outcomes("declined", "insufficient_funds") == insufficientFunds + 1);
        assertEquals(refunded + 1, refunds("refunded"));
        ExportedMetrics.assertExported("payment-service", metrics);
    }

    private double outcomes(String outcome, String reason) {
        return registry.get("payment.outcomes").tag("outcome", outcome).tag("reason", reason).counter().count();
    }

    private double refunds(String outcome) {
        return registry.get("payment.refunds").tag("outcome", outcome).counter().count();
    }
}
