package org.bookingplatform.system;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import org.bookingplatform.system.Catalog.Listing;
import org.bookingplatform.system.harness.ApiResponse;
import org.bookingplatform.system.harness.Customer;
import org.bookingplatform.system.harness.Http;
import org.bookingplatform.system.harness.SystemTest;
import org.bookingplatform.system.harness.SystemUnderTest;
import org.junit.jupiter.api.Test;

/** Unpaid holds run out (the short hold of this profile, swept every second); money that arrives too late goes back. */
@SystemTest
class HoldExpiryIT {

    @Test
    void anUnpaidHoldExpiresAndReturnsItsInventoryAndAChargeAnsweredAfterTheExpiryIsRefunded(SystemUnderTest system) {
        Duration afterExpiry = system.holdDuration().plusSeconds(60);
        Listing listing = Catalog.openListing(system, 2);
        Customer unpaid = system.signUp();
        Customer late = system.signUp();
        Http unpaidCustomer = system.gateway(system.token(unpaid));
        Http lateCustomer = system.gateway(system.token(late));
        String unpaidBooking = Catalog.holdFirstNight(unpaidCustomer, listing, 1).path("id").asText();
        String lateBooking = Catalog.holdFirstNight(lateCustomer, listing, 1).path("id").asText();
        assertEquals(0, Catalog.remainingFirstNight(system.gateway(), listing));

        // The provider charges the card but its answer is lost: the payment stays PENDING while the hold runs out.
        Http simulator = system.simulator();
        assertEquals(2, simulator.put("/admin/faults", Map.of("dropRate", 1.0, "phase", "after")).status() / 100);
        try {
            ApiResponse pending = Catalog.pay(lateCustomer, lateBooking, "pm_card_visa");
            assertEquals(503, pending.status(), pending::toString);
            Catalog.awaitBooking(unpaidCustomer, unpaidBooking, "EXPIRED", afterExpiry);
            Catalog.awaitBooking(lateCustomer, lateBooking, "EXPIRED", afterExpiry);
        } finally {
            simulator.delete("/admin/faults");
        }
        assertEquals(2, Catalog.remainingFirstNight(system.gateway(), listing), "both holds gave their units back");
        BookingJourneyIT.awaitMail(system, unpaid, "Your hold expired");

        // The charge is found under its key once the provider answers again: authorized, rejected by the expired booking, refunded.
        JsonNode payments = Catalog.awaitPayment(lateCustomer, lateBooking, "REFUNDED", Duration.ofSeconds(90));
        assertEquals(1, payments.path("items").size(), payments::toString);
        BookingJourneyIT.awaitMail(system, late, "Your refund was issued");
        assertEquals("EXPIRED", lateCustomer.get("/api/v1/bookings/" + lateBooking).json().path("status").asText());
        assertEquals(2, Catalog.remainingFirstNight(system.gateway(), listing), "a late payment takes no inventory");
        assertEquals(0, simulator.get("/admin/stats").json().path("duplicateCharges").asInt());
    }
}
