package org.bookingplatform.payment.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.testsupport.KafkaTestClient;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/** What payment-service published on payment.events, read back from the real Kafka and checked against the contract. */
public final class PaymentEventsTopic {

    public static final String TOPIC = "payment.events";
    public static final String AUTHORIZED = "org.bookingplatform.payment.authorized";
    public static final String DECLINED = "org.bookingplatform.payment.declined";
    public static final String REFUNDED = "org.bookingplatform.payment.refunded";

    private static final ObjectMapper JSON = new ObjectMapper();

    private PaymentEventsTopic() {
    }

    /** Waits for {@code count} events of the type about the payment; each one must honour the contract. */
    public static List<ConsumerRecord<String, String>> await(UUID paymentId, String type, int count) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.await(TOPIC, about(paymentId, type), count, Duration.ofSeconds(60));
        records.forEach(EventContracts::assertValid);
        return records;
    }

    /** Every event of the type about the payment, read for the whole period: for "exactly once" checks. */
    public static List<ConsumerRecord<String, String>> collect(UUID paymentId, String type, Duration period) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.collect(TOPIC, about(paymentId, type), period);
        records.forEach(EventContracts::assertValid);
        return records;
    }

    public static Predicate<ConsumerRecord<String, String>> ofType(String type) {
        return record -> type.equals(KafkaTestClient.header(record, "ce_type"));
    }

    public static JsonNode data(ConsumerRecord<String, String> record) {
        try {
            return JSON.readTree(record.value());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Predicate<ConsumerRecord<String, String>> about(UUID paymentId, String type) {
        return KafkaTestClient.withKey(paymentId).and(ofType(type));
    }
}
