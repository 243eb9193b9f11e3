package org.bookingplatform.booking;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.bookingplatform.testsupport.ExportedMetrics;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.bookingplatform.booking.BookingTestApi.holdOk;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.bookingplatform.booking.BookingTestApi.publishAuthorized;
import static org.bookingplatform.booking.BookingTestApi.status;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The saga's metrics move with a real hold and a real payment.authorized over Kafka, and the
 * management port exports every metric the dashboard and the alerts expect of booking-service.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class MetricsExportIT {

    @Inject
    MeterRegistry registry;

    @TestHTTPResource(value = "/metrics", management = true)
    URI metrics;

    @Test
    void holdThenConfirmationCountsBothTransitionsAndRecordsTheHoldToConfirmedDuration() {
        double holds = transitions("NONE", "PENDING_PAYMENT");
        double confirmations = transitions("PENDING_PAYMENT", "CONFIRMED");
        long durations = holdConfirmation().count();
        double duplicates = duplicatesSkipped();
        UUID customer = UUID.randomUUID();
        UUID listing = newListing();
        openInventory(listing, night(60), night(61), 1);

        UUID booking = holdOk(customer, listing, night(60), night(61), 1);
        assertEquals(holds + 1, transitions("NONE", "PENDING_PAYMENT"), "the hold");
        UUID eventId = UUID.randomUUID();
        UUID payment = UUID.randomUUID();
        publishAuthorized(eventId, booking, customer, payment);
        publishAuthorized(eventId, booking, customer, payment);

        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(status(booking)));
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicatesSkipped() == duplicates + 1);
        assertEquals(confirmations + 1, transitions("PENDING_PAYMENT", "CONFIRMED"), "one confirmation for two deliveries");
        assertEquals(durations + 1, holdConfirmation().count());
        assertTrue(holdConfirmation().max(TimeUnit.SECONDS) < 60, "a hold confirmed within seconds");
        String scraped = ExportedMetrics.scrape(metrics);
        assertTrue(scraped.contains("booking_hold_confirmation_seconds_bucket{le=\"1.0\""), "fixed buckets for the p99");
    }

    @Test
    void exportsEveryMetricTheDashboardAndAlertsExpectOfBookingService() {
        UUID listing = newListing();
        openInventory(listing, night(62), night(63), 1);
        holdOk(UUID.randomUUID(), listing, night(62), night(63), 1);

        ExportedMetrics.assertExported("booking-service", metrics);
    }

    private double transitions(String from, String to) {
        return registry.get("booking.transitions").tag("from", from).tag("to", to).counter().count();
    }

    private Timer holdConfirmation() {
        return registry.get("booking.hold.confirmation").timer();
    }

    private double duplicatesSkipped() {
        var counter = registry.find("platform.messaging.inbox.duplicates").tag("consumer", "booking-service.payment-events").counter();
        return counter == null ? 0 : counter.count();
    }
}
