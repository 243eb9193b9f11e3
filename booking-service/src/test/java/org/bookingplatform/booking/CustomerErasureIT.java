package org.bookingplatform.booking;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.bookingplatform.booking.BookingTestApi.DB;
import static org.bookingplatform.booking.BookingTestApi.booked;
import static org.bookingplatform.booking.BookingTestApi.held;
import static org.bookingplatform.booking.BookingTestApi.holdOk;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.bookingplatform.booking.BookingTestApi.publishAuthorized;
import static org.bookingplatform.booking.BookingTestApi.status;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** user.erased over the real Kafka: what the customer still had coming is cancelled, the rest stays. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class CustomerErasureIT {

    private static final Duration PATIENCE = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void erasedCustomersHoldIsReleasedAndFutureBookingCancelledOnceEvenWhenTheEventComesTwice() throws Exception {
        UUID customer = UUID.randomUUID();
        UUID otherCustomer = UUID.randomUUID();
        UUID listing = newListing();
        openInventory(listing, night(60), night(64), 2);
        UUID hold = holdOk(customer, listing, night(60), night(61), 1);
        UUID confirmed = holdOk(customer, listing, night(62), night(64), 1);
        UUID someoneElses = holdOk(otherCustomer, listing, night(60), night(61), 1);
        publishAuthorized(UUID.randomUUID(), confirmed, customer, UUID.randomUUID());
        await().atMost(PATIENCE).until(() -> "CONFIRMED".equals(status(confirmed)));

        UUID eventId = UUID.randomUUID();
        publishErased(eventId, customer);
        publishErased(eventId, customer);

        await().atMost(PATIENCE).until(() -> "CANCELLED".equals(status(hold)) && "CANCELLED".equals(status(confirmed)));
        assertEquals(1, held(listing), "only the other customer's hold still holds a unit");
        assertEquals(0, booked(listing));
        assertEquals("PENDING_PAYMENT", status(someoneElses));
        assertEquals(2, DB.count("SELECT count(*) FROM booking WHERE customer_id = ? AND cancelled_by = 'CUSTOMER'", customer),
                "the bookings stay, under the pseudonymous customer id");

        List<ConsumerRecord<String, String>> cancelled = KafkaTestClient.collect("booking.events",
                record -> "org.bookingplatform.booking.cancelled".equals(KafkaTestClient.header(record, "ce_type"))
                        && List.of(hold.toString(), confirmed.toString()).contains(record.key()),
                Duration.ofSeconds(8));
        assertEquals(2, cancelled.size(), "one booking.cancelled per booking for two deliveries of user.erased");
        cancelled.forEach(EventContracts::assertValid);
        for (ConsumerRecord<String, String> record : cancelled) {
            assertEquals(true, JSON.readTree(record.value()).path("customerErased").asBoolean(),
                    "a consumer that sees the cancellation before user.erased must know it is part of the erasure");
        }
        ConsumerRecord<String, String> ofConfirmed = cancelled.stream().filter(r -> r.key().equals(confirmed.toString())).findFirst().orElseThrow();
        assertEquals("CONFIRMED", JSON.readTree(ofConfirmed.value()).get("previousStatus").asText(),
                "payment-service refunds a cancelled confirmed booking");
        assertEquals(1, DB.count("SELECT count(*) FROM processed_event WHERE event_id = ?", eventId));
    }

    /** Publishes user.erased the way user-service does (binary CloudEvent), checked against its contract first. */
    private static void publishErased(UUID eventId, UUID userId) {
        Map<String, String> headers = Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", "org.bookingplatform.user.erased",
                "ce_source", "/user-service",
                "ce_subject", userId.toString(),
                "ce_time", Instant.now().truncatedTo(ChronoUnit.MILLIS).toString(),
                "ce_dataschema", "urn:bookingplatform:schema:user.erased:v1",
                "content-type", "application/json");
        String value = "{\"userId\":\"" + userId + "\",\"version\":3,\"occurredAt\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\"}";
        EventContracts.assertValid(userId.toString(), headers, value);
        KafkaTestClient.publish("user.events", userId.toString(), value, headers);
    }
}
