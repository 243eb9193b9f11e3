package org.bookingplatform.platform.messaging;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Republishes a dead-letter topic's records to the topics they came from, after the fix that
 * lets the consumer apply them. An operator command, run with the service's own classpath:
 *
 * <pre>{@code
 * java -cp 'booking-service/target/quarkus-app/lib/main/*' \
 *   org.bookingplatform.platform.messaging.DeadLetterReplay \
 *   --bootstrap-servers 127.0.0.1:9092 --dead-letter-topic payment.events.booking-service.dead-letter
 * }</pre>
 *
 * <p>It replays what the dead-letter topic holds when it starts, in order, and remembers how far
 * it got in the consumer group {@code <dead-letter topic>.replay}: a second run replays only what
 * was dead-lettered since. A replayed record has its original key (so its original partition),
 * value and headers, minus the {@code dead-letter-*} ones. Every consumer group of the original
 * topic receives it again; the inbox of each skips what it already applied, and the dead-lettering
 * consumer applies the parked events of a key oldest first.
 */
public final class DeadLetterReplay {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private DeadLetterReplay() {
    }

    public static void main(String[] args) {
        Map<String, String> options = options(args);
        String bootstrapServers = options.get("--bootstrap-servers");
        String deadLetterTopic = options.get("--dead-letter-topic");
        if (bootstrapServers == null || deadLetterTopic == null) {
            System.err.println("usage: DeadLetterReplay --bootstrap-servers HOST:PORT --dead-letter-topic TOPIC");
            System.exit(2);
        }
        System.out.println("replayed " + replay(bootstrapServers, deadLetterTopic) + " record(s) of " + deadLetterTopic);
    }

    /** Replays every record not replayed before; returns how many it republished. */
    public static int replay(String bootstrapServers, String deadLetterTopic) {
        try (KafkaConsumer<String, String> consumer = consumer(bootstrapServers, deadLetterTopic + ".replay");
             KafkaProducer<String, String> producer = producer(bootstrapServers)) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, PATIENCE).stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition()))
                    .toList();
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
            Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions), PATIENCE);
            for (TopicPartition partition : partitions) {
                OffsetAndMetadata done = committed.get(partition);
                if (done == null) {
                    consumer.seekToBeginning(List.of(partition));
                } else {
                    consumer.seek(partition, done.offset());
                }
            }
            List<Future<RecordMetadata>> sends = new ArrayList<>();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition, PATIENCE) < end.get(partition))) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        sends.add(producer.send(republished(record)));
                    }
                }
            }
            producer.flush();
            for (Future<RecordMetadata> send : sends) {
                send.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
            Map<TopicPartition, OffsetAndMetadata> replayed = new HashMap<>();
            end.forEach((partition, offset) -> replayed.put(partition, new OffsetAndMetadata(offset)));
            consumer.commitSync(replayed, PATIENCE);
            return sends.size();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while replaying " + deadLetterTopic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not republish the records of " + deadLetterTopic
                    + "; nothing was marked replayed, run again", e);
        }
    }

    static ProducerRecord<String, String> republished(ConsumerRecord<String, String> deadLetter) {
        String topic = header(deadLetter, DeadLetters.TOPIC);
        if (topic == null) {
            throw new IllegalArgumentException("no " + DeadLetters.TOPIC + " header on " + ParkedEvents.position(deadLetter));
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DeadLetters.HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        if (headers.lastHeader(ParkedEvents.REPLAY_OF_HEADER) == null) {
            String firstPosition = topic + "-" + header(deadLetter, DeadLetters.PARTITION) + "@" + header(deadLetter, DeadLetters.OFFSET);
            headers.add(ParkedEvents.REPLAY_OF_HEADER, firstPosition.getBytes(StandardCharsets.UTF_8));
        }
        return new ProducerRecord<>(topic, null, deadLetter.key(), deadLetter.value(), headers);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static KafkaConsumer<String, String> consumer(String bootstrapServers, String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }

    // Durable and in order: a key's records are republished in the order they were dead-lettered.
    private static KafkaProducer<String, String> producer(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        return new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i], args[i + 1]);
        }
        return options;
    }
}
