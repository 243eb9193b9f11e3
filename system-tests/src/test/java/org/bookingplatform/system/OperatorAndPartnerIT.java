package org.bookingplatform.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.system.Catalog.Listing;
import org.bookingplatform.system.harness.ApiResponse;
import org.bookingplatform.system.harness.Customer;
import org.bookingplatform.system.harness.Http;
import org.bookingplatform.system.harness.PartnerConsumer;
import org.bookingplatform.system.harness.SystemTest;
import org.bookingplatform.system.harness.SystemUnderTest;
import org.junit.jupiter.api.Test;

/** The operator's side (a listing and its inventory) and the partner's (booking.events, as the contract says). */
@SystemTest
class OperatorAndPartnerIT {

    private static final Duration SAGA = Duration.ofSeconds(60);

    @Test
    void anOperatorsNewListingIsBookableAndAPartnerReadsItsBookingEventsAsTheContractDescribesThem(SystemUnderTest system) {
        try (PartnerConsumer partner = system.partnerConsumer("booking.events")) {
            Listing listing = Catalog.openListing(system, 3);
            ApiResponse details = system.gateway().get("/api/v1/listings/" + listing.id());
            assertEquals(200, details.status(), details::toString);
            assertEquals(listing.city(), details.json().path("city").asText());
            assertEquals(3, Catalog.remainingFirstNight(system.gateway(), listing));
            ApiResponse anonymousCreate = system.gateway().post("/api/v1/listings", "{}");
            assertEquals(401, anonymousCreate.status(), anonymousCreate::toString);

            Customer customer = system.signUp();
            Http me = system.gateway(system.token(customer));
            String bookingId = Catalog.holdFirstNight(me, listing, 2).path("id").asText();
            assertEquals(201, Catalog.pay(me, bookingId, "pm_card_visa").status());
            Catalog.awaitBooking(me, bookingId, "CONFIRMED", SAGA);

            List<ConsumerRecord<String, String>> confirmed = partner.await(
                    PartnerConsumer.event("org.bookingplatform.booking.confirmed", bookingId), 1, SAGA);
            assertEquals(1, confirmed.size(), "booking.confirmed reaches the partner once");
            assertEquals(1, partner.await(PartnerConsumer.event("org.bookingplatform.booking.requested", bookingId), 1, SAGA).size());

            List<ConsumerRecord<String, String>> all = partner.drain(Duration.ofSeconds(2));
            assertFalse(all.isEmpty());
            String violations = all.stream()
                    .flatMap(record -> EventContracts.validate(record).stream().map(v -> record.key() + " " + PartnerConsumer.header(record, "ce_type") + ": " + v))
                    .collect(Collectors.joining("\n"));
            assertTrue(violations.isEmpty(), "every booking.events record of this run fits contracts/:\n" + violations);
            assertTrue(all.stream().noneMatch(record -> record.value().contains(customer.email()) || record.value().contains(customer.displayName())),
                    "booking.events names people by id only");
        }
    }
}
