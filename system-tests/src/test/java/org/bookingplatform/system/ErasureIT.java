package org.bookingplatform.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.system.Catalog.Listing;
import org.bookingplatform.system.harness.ApiResponse;
import org.bookingplatform.system.harness.Customer;
import org.bookingplatform.system.harness.Http;
import org.bookingplatform.system.harness.PartnerConsumer;
import org.bookingplatform.system.harness.Service;
import org.bookingplatform.system.harness.SystemTest;
import org.bookingplatform.system.harness.SystemUnderTest;
import org.junit.jupiter.api.Test;

/** GDPR erasure across the platform, as the customer asks for it through the gateway. */
@SystemTest
class ErasureIT {

    private static final Duration SAGA = Duration.ofSeconds(60);

    @Test
    void aCustomerWithBookingsErasesTheAccountAndIsNeitherAbleToLogInNorWrittenToAgainNorNamedInPartnerEvents(SystemUnderTest system) throws SQLException {
        Listing listing = Catalog.openListing(system, 2);
        Customer customer = system.signUp();
        Http me = system.gateway(system.token(customer));
        assertEquals(200, me.patch("/api/v1/users/me", Map.of("phone", "+351912345678"), "application/merge-patch+json").status());
        String confirmedBooking = Catalog.holdFirstNight(me, listing, 1).path("id").asText();
        assertEquals(201, Catalog.pay(me, confirmedBooking, "pm_card_visa").status());
        Catalog.awaitBooking(me, confirmedBooking, "CONFIRMED", SAGA);
        String heldBooking = Catalog.holdFirstNight(me, listing, 1).path("id").asText();
        BookingJourneyIT.awaitMail(system, customer, "Your booking is confirmed");
        BookingJourneyIT.awaitMail(system, customer, "Your booking is held");
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        int mailsBeforeErasure = system.mail().messages(customer.email()).size();

        ApiResponse erased = me.delete("/api/v1/users/me");
        assertEquals(204, erased.status(), erased::toString);

        ApiResponse login = system.keycloak().login(customer.email(), customer.password());
        assertNotEquals(200, login.status(), "an erased account cannot sign in: " + login);
        Http operator = system.gateway(system.demoToken("olivia"));
        // What the customer still had coming is undone: the future booking cancelled and refunded, the hold released.
        Catalog.awaitBooking(operator, confirmedBooking, "CANCELLED", SAGA);
        Catalog.awaitBooking(operator, heldBooking, "CANCELLED", SAGA);
        Catalog.awaitPayment(operator, confirmedBooking, "REFUNDED", SAGA);
        assertEquals(2, Catalog.remainingFirstNight(system.gateway(), listing));
        assertEquals(404, operator.get("/api/v1/users/" + customer.id()).status());

        // The cancellation and the refund would each have been an e-mail: none goes to an erased person.
        await().pollDelay(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(mailsBeforeErasure, system.mail().messages(customer.email()).size(), "no e-mail after the erasure");
        try (Connection notifications = system.database(Service.NOTIFICATION)) {
            assertEquals(0, count(notifications, "SELECT count(*) FROM email_message WHERE user_id = ?", customer), "no e-mail of the person kept");
            assertEquals(0, count(notifications, "SELECT count(*) FROM contact WHERE user_id = ?", customer), "no contact details kept");
        }

        try (PartnerConsumer partner = system.partnerConsumer("booking.events")) {
            List<ConsumerRecord<String, String>> events = partner.await(
                    PartnerConsumer.event("org.bookingplatform.booking.cancelled", confirmedBooking), 1, SAGA);
            assertEquals(1, events.size());
            List<ConsumerRecord<String, String>> ofTheCustomer = partner.drain(Duration.ofSeconds(1)).stream()
                    .filter(record -> record.key().equals(confirmedBooking) || record.key().equals(heldBooking)).toList();
            for (ConsumerRecord<String, String> record : ofTheCustomer) {
                String everything = record.value() + PartnerConsumer.headers(record);
                assertTrue(!everything.contains(customer.email()) && !everything.contains(customer.displayName())
                        && !everything.contains("912345678"), "no personal data in " + everything);
            }
            assertTrue(ofTheCustomer.size() >= 5, "requested, confirmed, cancelled; requested, cancelled: " + ofTheCustomer.size());
        }
    }

    private static int count(Connection connection, String sql, Customer customer) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, customer.id());
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
