package org.bookingplatform.examples.partner;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Prints the events of booking.events, one line each, until it gets SIGTERM (or Ctrl-C).
 *
 * <p>Environment: {@code KAFKA_BOOTSTRAP_SERVERS} (default {@code localhost:9092}), {@code GROUP_ID}
 * (required: your own consumer group, so that your offsets are yours), {@code TOPIC} (default
 * {@code booking.events}).
 */
public final class BookingEventsConsumer {

    private static final int REMEMBERED_EVENT_IDS = 100_000;
    // After a breaking change both major versions are published for a while; read the one this code knows.
    private static final int SCHEMA_MAJOR = 1;

    private final KafkaConsumer<String, CloudEvent> kafka;
    private final String topic;
    private final Consumer<String> out;
    private final ObjectMapper json = new ObjectMapper();
    private final BookingEventPrinter printer = new BookingEventPrinter();
    private final SeenEventIds seen = new SeenEventIds(REMEMBERED_EVENT_IDS);

    public BookingEventsConsumer(KafkaConsumer<String, CloudEvent> kafka, String topic, Consumer<String> out) {
        this.kafka = kafka;
        this.topic = topic;
        this.out = out;
    }

    public static void main(String[] args) {
        String groupId = System.getenv("GROUP_ID");
        if (groupId == null || groupId.isBlank()) {
            System.err.println("Set GROUP_ID to a consumer group id of your own, e.g. GROUP_ID=acme-booking-sync");
            System.exit(2);
        }
        String bootstrapServers = envOr("KAFKA_BOOTSTRAP_SERVERS", "localhost:9092");
        String topic = envOr("TOPIC", "booking.events");
        System.err.println("Reading " + topic + " from " + bootstrapServers + " as group " + groupId + "; stop with SIGTERM or Ctrl-C");
        BookingEventsConsumer consumer = new BookingEventsConsumer(
                new KafkaConsumer<>(properties(bootstrapServers, groupId)), topic, System.out::println);

        // SIGTERM runs the shutdown hooks: wake the poll loop up and wait until it has closed the consumer.
        Thread loop = Thread.currentThread();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            consumer.stop();
            try {
                loop.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "booking-events-consumer-stop"));
        consumer.run();
    }

    /**
     * Consumer settings for this example: a string key and, as the value, the CloudEvent that the
     * CloudEvents SDK's deserializer makes of the record (binary mode: attributes from the ce_*
     * headers, the data from the value); offsets committed by the loop itself.
     */
    public static Properties properties(String bootstrapServers, String groupId) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, CloudEventDeserializer.class.getName());
        // A new group starts at the oldest retained event rather than missing everything published before it.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // Commit only after printing: a crash then repeats events (deduplicated by ce_id) instead of losing them.
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return properties;
    }

    /** Polls, prints and commits until {@link #stop()}; then closes the consumer, which leaves the group. */
    public void run() {
        try (kafka) {
            kafka.subscribe(List.of(topic));
            while (true) {
                ConsumerRecords<String, CloudEvent> records;
                try {
                    records = kafka.poll(Duration.ofSeconds(1));
                } catch (RecordDeserializationException notACloudEvent) {
                    skip(notACloudEvent);
                    continue;
                }
                records.forEach(this::handle);
                if (!records.isEmpty()) {
                    kafka.commitSync();
                }
            }
        } catch (WakeupException stopRequested) {
            // stop() was called: leaving the loop is the point.
        }
    }

    /** Makes {@link #run()} return; safe to call from any thread. */
    public void stop() {
        kafka.wakeup();
    }

    /**
     * A record the SDK cannot read as a CloudEvent (a required attribute missing) stops poll() at
     * that offset; the records before it were returned by earlier polls. Moving past it lets the
     * loop go on; the next commit records that it was skipped.
     */
    private void skip(RecordDeserializationException notACloudEvent) {
        System.err.println("Skipping a record that is not a CloudEvent at " + notACloudEvent.topicPartition() + "@"
                + notACloudEvent.offset() + ": " + notACloudEvent.getCause());
        kafka.seek(notACloudEvent.topicPartition(), notACloudEvent.offset() + 1);
    }

    private void handle(ConsumerRecord<String, CloudEvent> record) {
        BookingEvent event;
        try {
            event = BookingEvent.from(record.value(), json);
        } catch (IllegalArgumentException e) {
            System.err.println("Skipping unreadable record at " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": " + e.getMessage());
            return;
        }
        if (event.hasSchemaVersion(SCHEMA_MAJOR) && seen.firstSighting(event.id())) {
            out.accept(printer.format(event));
        }
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
