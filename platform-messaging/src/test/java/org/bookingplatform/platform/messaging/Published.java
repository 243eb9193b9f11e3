package org.bookingplatform.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.testsupport.KafkaTestClient;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** What reached a topic for one aggregate, read back with the test Kafka client. */
final class Published {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Published() {
    }

    /**
     * Waits until {@code expected} records with the key arrived, then keeps reading a little
     * longer, so that a duplicate or an extra record would be in the answer too.
     */
    static List<ConsumerRecord<String, String>> records(String topic, UUID key, int expected) {
        KafkaTestClient.await(topic, KafkaTestClient.withKey(key), expected, Duration.ofSeconds(60));
        return KafkaTestClient.collect(topic, KafkaTestClient.withKey(key), Duration.ofSeconds(3));
    }

    static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (JsonProcessingException e) {
            throw new AssertionError("record value is not JSON: " + record.value(), e);
        }
    }
}
