package org.bookingplatform.examples.partner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bookingplatform.contracts.EventContracts;
import org.bookingplatform.contracts.EventType;
import org.bookingplatform.testsupport.TestInfrastructure;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Runs the example against the test Kafka broker, on a topic of its own, with events that pass the contract. */
class BookingEventsConsumerIT {

    private static final Duration PRINT_TIMEOUT = Duration.ofSeconds(60);
    private static final String CUSTOMER = "5e2d8c1a-9b7f-4e3d-a6c5-0f1e2d3c4b5a";
    private static final String LISTING = "1c9a7e2b-5d4f-4a8e-b3c6-7d2e9f0a1b34";
    private static final String PAYMENT = "a3b4c5d6-e7f8-4a9b-8c0d-1e2f3a4b5c6d";

    private final ObjectMapper json = new ObjectMapper();
    private final String bootstrapServers = TestInfrastructure.kafkaBootstrapServers();
    private final String topic = "booking.events.it-" + UUID.randomUUID();
    private final String bookingA = UUID.randomUUID().toString();
    private final String bookingB = UUID.randomUUID().toString();

    @BeforeEach
    void createTopic() throws Exception {
        try (Admin admin = admin()) {
            // Several partitions, as in production: order then holds per booking only.
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
    }

    @AfterEach
    void deleteTopic() throws Exception {
        try (Admin admin = admin()) {
            admin.deleteTopics(List.of(topic)).all().get(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void printsEveryEventOnceAndEachBookingsEventsInOrder() throws Exception {
        ProducerRecord<String, String> confirmedA = event(EventType.BOOKING_CONFIRMED, bookingA, 2, Map.of("paymentId", PAYMENT));
        publish(List.of(
                requested(bookingA),
                requested(bookingB),
                // Not a CloudEvent: the SDK's deserializer refuses it, the consumer moves past it on bookingB's partition.
                new ProducerRecord<>(topic, bookingB, "{\"bookingId\":\"" + bookingB + "\"}"),
                confirmedA,
                inFutureMajorVersion(confirmedA), // published side by side during a deprecation period: not for this reader
                event(EventType.BOOKING_EXPIRED, bookingB, 2, Map.of()),
                confirmedA, // redelivered: same ce_id, printed once
                event(EventType.BOOKING_PAYMENT_REJECTED, bookingB, 3, Map.of("paymentId", PAYMENT, "reason", "BOOKING_EXPIRED")),
                event(EventType.BOOKING_CANCELLED, bookingA, 3, Map.of("cancelledBy", "CUSTOMER", "previousStatus", "CONFIRMED"))));

        List<String> lines;
        try (RunningConsumer consumer = RunningConsumer.start(bootstrapServers, "partner-it-" + UUID.randomUUID(), topic)) {
            // The duplicate shares a partition with, and precedes, bookingA's last event: once that is printed, so
            // would the duplicate have been.
            lines = consumer.awaitLines(6);
            assertEquals(List.of(), consumer.stopAndDrain(), "lines after the last event");
        }

        assertEquals(List.of(
                "booking.requested " + bookingA + " status=PENDING_PAYMENT listing=" + LISTING
                        + " period=2026-06-12T14:00:00Z/2026-06-12T16:00:00Z quantity=2 amount=120.00 EUR"
                        + " holdExpiresAt=2026-05-04T09:30:00Z",
                "booking.confirmed " + bookingA + " status=CONFIRMED payment=" + PAYMENT,
                "booking.cancelled " + bookingA + " status=CANCELLED cancelledBy=CUSTOMER previousStatus=CONFIRMED"),
                linesAbout(bookingA, lines));
        assertEquals(List.of(
                "booking.requested " + bookingB + " status=PENDING_PAYMENT listing=" + LISTING
                        + " period=2026-06-12T14:00:00Z/2026-06-12T16:00:00Z quantity=2 amount=120.00 EUR"
                        + " holdExpiresAt=2026-05-04T09:30:00Z",
                "booking.expired " + bookingB + " status=EXPIRED",
                "booking.payment-rejected " + bookingB + " payment=" + PAYMENT + " reason=BOOKING_EXPIRED (the payment is refunded)"),
                linesAbout(bookingB, lines));
    }

    @Test
    void aRestartWithTheSameGroupResumesAfterWhatWasPrinted() throws Exception {
        String group = "partner-it-" + UUID.randomUUID();
        publish(List.of(requested(bookingA)));
        try (RunningConsumer first = RunningConsumer.start(bootstrapServers, group, topic)) {
            assertEquals(1, first.awaitLines(1).size());
        }

        publish(List.of(event(EventType.BOOKING_EXPIRED, bookingA, 2, Map.of())));
        List<String> afterRestart;
        try (RunningConsumer second = RunningConsumer.start(bootstrapServers, group, topic)) {
            afterRestart = second.awaitLines(1);
        }

        assertEquals(List.of("booking.expired " + bookingA + " status=EXPIRED"), linesAbout(bookingA, afterRestart));
    }

    private ProducerRecord<String, String> requested(String bookingId) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("listingId", LISTING);
        fields.put("start", "2026-06-12T14:00:00Z");
        fields.put("end", "2026-06-12T16:00:00Z");
        fields.put("quantity", 2);
        fields.put("amount", 12000);
        fields.put("currency", "EUR");
        fields.put("holdExpiresAt", "2026-05-04T09:30:00Z");
        return event(EventType.BOOKING_REQUESTED, bookingId, 1, fields);
    }

    /** A record as booking-service publishes it; checked against the contract so the example sees real events. */
    private ProducerRecord<String, String> event(EventType type, String bookingId, int version, Map<String, Object> fields) {
        String occurredAt = "2026-05-04T09:" + (10 + version) + ":00Z";
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("bookingId", bookingId);
        data.put("version", version);
        data.put("occurredAt", occurredAt);
        data.put("customerId", CUSTOMER);
        if (type != EventType.BOOKING_PAYMENT_REJECTED) {
            data.put("listingId", LISTING);
        }
        data.putAll(fields);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", type.ceType());
        headers.put("ce_source", type.topic().source());
        headers.put("ce_specversion", "1.0");
        headers.put("ce_time", occurredAt);
        headers.put("ce_subject", bookingId);
        headers.put("ce_dataschema", type.dataschema(1));
        headers.put("content-type", "application/json");
        String value = toJson(data);
        EventContracts.assertValid(bookingId, headers, value);

        ProducerRecord<String, String> record = new ProducerRecord<>(topic, bookingId, value);
        headers.forEach((name, headerValue) -> record.headers().add(name, headerValue.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static ProducerRecord<String, String> inFutureMajorVersion(ProducerRecord<String, String> v1) {
        ProducerRecord<String, String> v2 = new ProducerRecord<>(v1.topic(), v1.key(), v1.value());
        v1.headers().forEach(header -> v2.headers().add(header));
        v2.headers().remove("ce_id").add("ce_id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        String dataschema = new String(v1.headers().lastHeader("ce_dataschema").value(), StandardCharsets.UTF_8);
        v2.headers().remove("ce_dataschema").add("ce_dataschema", dataschema.replace(":v1", ":v2").getBytes(StandardCharsets.UTF_8));
        return v2;
    }

    private void publish(List<ProducerRecord<String, String>> records) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (ProducerRecord<String, String> record : records) {
                producer.send(record).get(30, TimeUnit.SECONDS);
            }
        }
    }

    private String toJson(Map<String, Object> data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    /** The printed lines about one booking, in print order, without the leading time. */
    private static List<String> linesAbout(String bookingId, List<String> lines) {
        return lines.stream().filter(line -> line.contains(" " + bookingId + " "))
                .map(line -> line.substring(line.indexOf(' ') + 1))
                .toList();
    }

    /** The example consumer running on a thread of its own, printing into a queue. */
    private static final class RunningConsumer implements AutoCloseable {

        private final BlockingQueue<String> printed = new LinkedBlockingQueue<>();
        private final BookingEventsConsumer consumer;
        private final Thread thread;

        private RunningConsumer(String bootstrapServers, String groupId, String topic) {
            consumer = new BookingEventsConsumer(
                    new KafkaConsumer<>(BookingEventsConsumer.properties(bootstrapServers, groupId)), topic, printed::add);
            thread = new Thread(consumer::run, "booking-events-consumer-it");
        }

        static RunningConsumer start(String bootstrapServers, String groupId, String topic) {
            RunningConsumer running = new RunningConsumer(bootstrapServers, groupId, topic);
            running.thread.start();
            return running;
        }

        List<String> awaitLines(int count) throws InterruptedException {
            List<String> lines = new ArrayList<>();
            long deadline = System.nanoTime() + PRINT_TIMEOUT.toNanos();
            while (lines.size() < count) {
                String line = printed.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (line == null) {
                    throw new AssertionError("printed " + lines.size() + " of " + count + " lines: " + lines);
                }
                lines.add(line);
            }
            return lines;
        }

        /** Stops the consumer the way SIGTERM does (wakeup) and returns what it printed since the last await. */
        List<String> stopAndDrain() throws InterruptedException {
            close();
            List<String> rest = new ArrayList<>();
            printed.drainTo(rest);
            return rest;
        }

        @Override
        public void close() throws InterruptedException {
            consumer.stop();
            thread.join(Duration.ofSeconds(30).toMillis());
            assertFalse(thread.isAlive(), "the consumer did not stop on wakeup");
        }
    }
}
