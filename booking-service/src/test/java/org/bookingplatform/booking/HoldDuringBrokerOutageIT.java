package org.bookingplatform.booking;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestKafkaBroker;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.bookingplatform.booking.BookingTestApi.DB;
import static org.bookingplatform.booking.BookingTestApi.holdOk;
import static org.bookingplatform.booking.BookingTestApi.newListing;
import static org.bookingplatform.booking.BookingTestApi.night;
import static org.bookingplatform.booking.BookingTestApi.openInventory;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Holds depend on PostgreSQL only: with Kafka down they succeed, and their events follow once it is back. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class HoldDuringBrokerOutageIT {

    @Test
    void holdSucceedsWhileKafkaIsDownAndIsAnnouncedExactlyOnceWhenItReturns() {
        UUID listing = newListing();
        openInventory(listing, night(60), night(61), 2);
        UUID booking;

        TestKafkaBroker.stop();
        try {
            booking = holdOk(UUID.randomUUID(), listing, night(60), night(61), 1);
            assertEquals(1, DB.count("SELECT count(*) FROM outbox_event WHERE subject = ?", booking.toString()),
                    "the event waits in the outbox");
        } finally {
            TestKafkaBroker.start();
        }

        List<ConsumerRecord<String, String>> published = KafkaTestClient.await("booking.events",
                KafkaTestClient.withKey(booking), 1, Duration.ofSeconds(90));
        assertEquals(1, published.size(), "booking.requested published after the outage");
        EventContracts.assertValid(published.get(0));
        List<ConsumerRecord<String, String>> all = KafkaTestClient.collect("booking.events", KafkaTestClient.withKey(booking), Duration.ofSeconds(8));
        assertEquals(1, all.size(), "published exactly once");
        assertEquals(0, DB.count("SELECT count(*) FROM outbox_event WHERE subject = ?", booking.toString()));
    }
}
