package org.bookingplatform.platform.messaging;

import io.smallrye.config.SmallRyeConfigBuilder;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class DeadLetterReplayTest {

    @Test
    void aReplayedRecordGoesBackToItsTopicWithItsKeyValueAndHeadersButNoDeadLetterHeaders() {
        ConsumerRecord<String, String> deadLetter = new ConsumerRecord<>("payment.events.booking-service.dead-letter", 0, 3, "key-1", "{}");
        add(deadLetter, "ce_id", "id-1");
        add(deadLetter, "dead-letter-reason", "simulated bug");
        add(deadLetter, "dead-letter-topic", "payment.events");
        add(deadLetter, "dead-letter-partition", "2");
        add(deadLetter, "dead-letter-offset", "41");

        ProducerRecord<String, String> replayed = DeadLetterReplay.republished(deadLetter);

        assertEquals("payment.events", replayed.topic());
        assertNull(replayed.partition(), "partitioned by its key, as the original was");
        assertEquals("key-1", replayed.key());
        assertEquals("{}", replayed.value());
        assertEquals(List.of("ce_id", "platform-replay-of"), names(replayed));
        assertEquals("payment.events-2@41", new String(replayed.headers().lastHeader("platform-replay-of").value(), StandardCharsets.UTF_8));
    }

    @Test
    void aRecordReplayedTwiceKeepsWhereItWasFirstConsumed() {
        ConsumerRecord<String, String> deadLetter = new ConsumerRecord<>("t.g.dead-letter", 0, 9, "key-1", "x");
        add(deadLetter, "platform-replay-of", "t-0@5");
        add(deadLetter, "dead-letter-topic", "t");
        add(deadLetter, "dead-letter-partition", "0");
        add(deadLetter, "dead-letter-offset", "77");

        ProducerRecord<String, String> replayed = DeadLetterReplay.republished(deadLetter);

        assertEquals("t-0@5", new String(replayed.headers().lastHeader("platform-replay-of").value(), StandardCharsets.UTF_8));
        ConsumerRecord<String, String> consumedAgain = new ConsumerRecord<>("t", 0, 100, "key-1", "x");
        replayed.headers().forEach(header -> consumedAgain.headers().add(header));
        assertEquals("t-0@5", ParkedEvents.refOf(consumedAgain), "parked under the same ref as the first time");
    }

    @Test
    void deadLetterTopicIsNamedAfterTheTopicAndTheGroupOfItsChannel() {
        DeadLetterTopics topics = new DeadLetterTopics(new SmallRyeConfigBuilder().withDefaultValues(Map.of(
                "quarkus.application.name", "booking-service",
                "mp.messaging.incoming.payment-events.connector", "smallrye-kafka",
                "mp.messaging.incoming.payment-events.topic", "payment.events",
                "mp.messaging.incoming.payment-events.group.id", "booking-service-blue",
                "mp.messaging.incoming.user-events.connector", "smallrye-kafka")).build());

        assertEquals("payment.events.booking-service-blue.dead-letter", topics.of("payment.events"));
        assertEquals("user-events.booking-service.dead-letter", topics.of("user-events"), "topic = channel, group = application by default");
    }

    private static void add(ConsumerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> names(ProducerRecord<String, String> record) {
        List<String> names = new ArrayList<>();
        record.headers().forEach(header -> names.add(header.key()));
        return names;
    }
}
