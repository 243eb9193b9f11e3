package org.bookingplatform.platform.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.platform.messaging.testapp.Note;
import org.bookingplatform.platform.messaging.testapp.TestInboxConsumer;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.bookingplatform.testsupport.TestInfrastructure;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.bookingplatform.testsupport.KafkaTestClient.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What Inbox.once does with a failed record: transient failures are attempted again in place, poison is dead-lettered. */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
// The tests share the run's dead-letter topic: the replay test counts what it replays, so the
// record that is never a CloudEvent (and stays dead-lettered) is sent after it (names in order).
@TestMethodOrder(MethodOrderer.MethodName.class)
class ConsumerFailuresIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE_WRITTEN = "org.bookingplatform.test.note-written";
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final TestDatabase db = TestDatabase.of("platform_messaging");

    @Inject
    TestInboxConsumer consumer;

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "mp.messaging.incoming.test-inbox.topic")
    String topic;

    @ConfigProperty(name = "mp.messaging.incoming.test-inbox.group.id")
    String group;

    @Test
    void lockConflictIsAttemptedAgainInPlaceAndNoLaterEventOfItsKeyOvertakesIt() throws Exception {
        UUID key = UUID.randomUUID();
        UUID locked = UUID.randomUUID();
        UUID later = UUID.randomUUID();

        try (Connection holder = DriverManager.getConnection(TestInfrastructure.jdbcUrl("platform_messaging"),
                "platform_messaging", "platform_messaging")) {
            holder.setAutoCommit(false);
            try (Statement statement = holder.createStatement()) {
                statement.execute("select id from test_lock where id = 1 for update");
            }
            publish(locked, key, new Note(TestInboxConsumer.LOCKING, 0));
            publish(later, key, new Note("after the locked one", 0));

            await().atMost(PATIENCE).until(() -> consumer.attempts(locked) >= 3);
            assertEquals(0, applied(later), "the later event of the key waits behind the retried one");
            holder.commit();
        }

        await().atMost(PATIENCE).until(() -> applied(later) == 1);
        assertEquals(1, applied(locked));
        assertTrue(seq(locked) < seq(later), "applied in the order of the partition");
        assertEquals(0, KafkaTestClient.collect(deadLetterTopic(), KafkaTestClient.withKey(key), Duration.ofSeconds(3)).size());
    }

    @Test
    void poisonIsDeadLetteredWithItsKeyParkedAndAppliedOnceWhenReplayedAfterTheFix() throws Exception {
        UUID key = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        UUID parkedBehind = UUID.randomUUID();
        UUID otherKeyEvent = UUID.randomUUID();
        double deadLetteredBefore = deadLettered();

        publish(poison, key, new Note(TestInboxConsumer.BUG, 0));
        publish(parkedBehind, key, new Note("behind the poison", 0));
        publish(otherKeyEvent, UUID.randomUUID(), new Note("another aggregate", 0));

        await().atMost(PATIENCE).until(() -> applied(otherKeyEvent) == 1);
        List<ConsumerRecord<String, String>> deadLetters = KafkaTestClient.await(deadLetterTopic(), KafkaTestClient.withKey(key), 2, PATIENCE);
        assertEquals(2, deadLetters.size());
        ConsumerRecord<String, String> first = deadLetters.get(0);
        assertEquals(poison.toString(), header(first, "ce_id"));
        assertEquals(IllegalArgumentException.class.getName(), header(first, "dead-letter-exception-class-name"));
        assertEquals("simulated bug on " + poison, header(first, "dead-letter-reason"));
        assertEquals(topic, header(first, "dead-letter-topic"));
        assertTrue(Long.parseLong(header(first, "dead-letter-offset")) >= 0);
        assertEquals(TestInboxConsumer.CONSUMER, header(first, "dead-letter-consumer"));
        ConsumerRecord<String, String> second = deadLetters.get(1);
        assertEquals(parkedBehind.toString(), header(second, "ce_id"));
        assertEquals("an earlier event of key " + key + " is parked: " + poison, header(second, "dead-letter-reason"));
        assertEquals(0, applied(poison) + applied(parkedBehind));
        assertEquals(deadLetteredBefore + 2, deadLettered(), "platform.messaging.dead.letters of the consumer");
        assertEquals(2, db.count("select count(*) from parked_event where consumer = ? and record_key = ?", TestInboxConsumer.CONSUMER, key.toString()));

        consumer.fixTheBug();
        assertEquals(2, DeadLetterReplay.replay(TestInfrastructure.kafkaBootstrapServers(), deadLetterTopic()));

        await().atMost(PATIENCE).until(() -> applied(parkedBehind) == 1);
        assertEquals(1, applied(poison));
        assertTrue(seq(poison) < seq(parkedBehind), "the key's events applied in their original order");
        assertEquals(0, db.count("select count(*) from parked_event where record_key = ?", key.toString()));
        assertEquals(0, DeadLetterReplay.replay(TestInfrastructure.kafkaBootstrapServers(), deadLetterTopic()),
                "a second replay finds nothing new");
        publish(UUID.randomUUID(), key, new Note("after the replay", 0));
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from test_received_event where subject = ?", key.toString()) == 3);
        assertEquals(1, applied(poison), "applied once");
    }

    @Test
    void recordThatIsNotACloudEventIsDeadLetteredAndTheConsumerMovesOn() throws Exception {
        UUID key = UUID.randomUUID();
        UUID next = UUID.randomUUID();

        KafkaTestClient.publish(topic, key.toString(), "not json at all", Map.of("ce_specversion", "1.0"));
        publish(next, UUID.randomUUID(), new Note("next", 0));

        await().atMost(PATIENCE).until(() -> applied(next) == 1);
        List<ConsumerRecord<String, String>> deadLetters = KafkaTestClient.await(deadLetterTopic(), KafkaTestClient.withKey(key), 1, PATIENCE);
        assertEquals(1, deadLetters.size());
        assertEquals("not json at all", deadLetters.get(0).value());
        assertEquals(IllegalArgumentException.class.getName(), header(deadLetters.get(0), "dead-letter-exception-class-name"));
    }

    private String deadLetterTopic() {
        return topic + "." + group + ".dead-letter";
    }

    private double deadLettered() {
        var counter = registry.find("platform.messaging.dead.letters").tag("consumer", TestInboxConsumer.CONSUMER).counter();
        return counter == null ? 0 : counter.count();
    }

    private long applied(UUID eventId) {
        return db.count("select count(*) from test_received_event where event_id = ?", eventId);
    }

    private long seq(UUID eventId) {
        return db.count("select seq from test_received_event where event_id = ?", eventId);
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
}
