package org.bookingplatform.notification.email;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bookingplatform.notification.support.SmtpTestResource;
import org.bookingplatform.notification.support.TestEvents;
import org.bookingplatform.notification.support.TestSmtp;
import org.bookingplatform.testsupport.ExportedMetrics;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An e-mail sent over real SMTP for an event from real Kafka counts as sent, and the management
 * port exports every metric the dashboard and the alerts expect of notification-service.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = SmtpTestResource.class, restrictToAnnotatedClass = false)
class MetricsExportIT {

    @Inject
    MeterRegistry registry;

    @TestHTTPResource(value = "/metrics", management = true)
    URI metrics;

    @Test
    void anEmailSentCountsAsSentAndTheScrapeHasEveryExpectedMetric() {
        double sent = emails("sent");
        UUID customer = UUID.randomUUID();
        EmailNoticeIT.registerAndWait(customer, "Ada", "en");

        EmailNoticeIT.publish(EmailNoticeIT.Kind.BOOKING_CONFIRMED, UUID.randomUUID(), customer, null);

        await().atMost(Duration.ofSeconds(30)).until(() -> !TestSmtp.to(TestEvents.address(customer)).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> emails("sent") >= sent + 1);
        assertEquals(sent + 1, emails("sent"), "one e-mail, counted once");
        given().when().get("/notifications").then().statusCode(401);  // the HTTP server timer exists from the first request
        ExportedMetrics.assertExported("notification-service", metrics);
    }

    private double emails(String outcome) {
        return registry.get("notification.emails").tag("outcome", outcome).counter().count();
    }
}
