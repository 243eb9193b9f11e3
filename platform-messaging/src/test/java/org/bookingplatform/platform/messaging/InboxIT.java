package org.bookingplatform.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.inject.Inject;
import org.bookingplatform.platform.messaging.testapp.Note;
import org.bookingplatform.platform.messaging.testapp.TestInboxConsumer;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class InboxIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE_WRITTEN = "org.bookingplatform.test.note-written";

    private final TestDatabase db = TestDatabase.of("platform_messaging");

    @Inject
    TestInboxConsumer consumer;

    @Inject
    Inbox inbox;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "mp.messaging.incoming.test-inbox.topic")
    String topic;

    @Test
    void duplicateDeliveryHasOneEffectAndCountsAsASkippedDuplicate() throws Exception {
        double skippedBefore = duplicatesSkipped();
        UUID subject = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        UUID marker = UUID.randomUUID();

        publish(eventId, subject, new Note("hello", 0));
        publish(eventId, subject, new Note("hello", 0));
        // Same key, same partition: once the marker's effect shows, both copies were consumed.
        publish(marker, subject, new Note("marker", 0));
        awaitEffect(marker);

        assertEquals(1, db.count("select count(*) from test_received_event where event_id = ? and subject = ? and text = ?",
                eventId, subject.toString(), "hello"));
        assertEquals(1, db.count("select count(*) from processed_event where consumer = ? and event_id = ?",
                TestInboxConsumer.CONSUMER, eventId));
        assertEquals(1, consumer.attempts(eventId));
        assertEquals(skippedBefore + 1, duplicatesSkipped(), "platform.messaging.inbox.duplicates of the consumer");
    }

    private double duplicatesSkipped() {
        var counter = registry.find("platform.messaging.inbox.duplicates").tag("consumer", TestInboxConsumer.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void failedEffectIsRedeliveredAndAppliedOnce() throws Exception {
        UUID eventId = UUID.randomUUID();

        publish(eventId, UUID.randomUUID(), new Note("fails once", 1));
        awaitEffect(eventId);

        assertEquals(2, consumer.attempts(eventId));
        assertEquals(1, db.count("select count(*) from test_received_event where event_id = ?", eventId));
        assertEquals(1, db.count("select count(*) from processed_event where consumer = ? and event_id = ?",
                TestInboxConsumer.CONSUMER, eventId));
    }

    @Test
    void processedEventsOlderThanTheRetentionArePurged() throws Throwable {
        UUID expired = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        db.update("insert into processed_event (consumer, event_id, processed_at) values (?, ?, now() - interval '8 days')",
                TestInboxConsumer.CONSUMER, expired);
        db.update("insert into processed_event (consumer, event_id, processed_at) values (?, ?, now() - interval '6 days')",
                TestInboxConsumer.CONSUMER, kept);

        VertxContextSupport.subscribeAndAwait(() -> inbox.purgeExpired());

        assertEquals(0, db.count("select count(*) from processed_event where event_id = ?", expired));
        assertEquals(1, db.count("select count(*) from processed_event where event_id = ?", kept));
    }

    private void publish(UUID eventId, UUID subject, Note note) throws Exception {
        KafkaTestClient.publish(topic, subject.toString(), JSON.writeValueAsString(note), Map.of(
                "ce_specversion", "1.0",
                "ce_id", eventId.toString(),
                "ce_type", NOTE_WRITTEN,
                "ce_source", "/platform-messaging-test",
                "ce_subject", subject.toString(),
                "ce_time", Instant.now().toString(),
                "content-type", "application/json"));
    }

    private void awaitEffect(UUID eventId) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> db.count("select count(*) from test_received_event where event_id = ?", eventId) > 0);
    }
}
