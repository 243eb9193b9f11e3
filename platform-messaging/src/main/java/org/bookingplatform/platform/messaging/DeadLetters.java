package org.bookingplatform.platform.messaging;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;

/**
 * Moves a record a consumer cannot apply to its dead-letter topic ({@link DeadLetterTopics}):
 * the same key, value and headers, plus {@code dead-letter-*} headers saying why and where it
 * came from. The key is parked first ({@link ParkedEvents}), so that no later event of the same
 * aggregate is applied before this one comes back through {@link DeadLetterReplay}.
 */
@ApplicationScoped
class DeadLetters {

    static final String CHANNEL = "platform-dead-letter";
    static final String HEADER_PREFIX = "dead-letter-";
    static final String REASON = "dead-letter-reason";
    static final String EXCEPTION = "dead-letter-exception-class-name";
    static final String TOPIC = "dead-letter-topic";
    static final String PARTITION = "dead-letter-partition";
    static final String OFFSET = "dead-letter-offset";
    static final String CONSUMER = "dead-letter-consumer";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;
    private final DeadLetterTopics topics;
    private final ParkedEvents parked;

    DeadLetters(@Channel(CHANNEL) MutinyEmitter<String> emitter, DeadLetterTopics topics, ParkedEvents parked) {
        this.emitter = emitter;
        this.topics = topics;
        this.parked = parked;
    }

    /**
     * Parks the record's key and publishes the record to the dead-letter topic. Safe to run again
     * after a failure half-way: parking is idempotent, and a second dead letter of the same event
     * is harmless (replay applies an event once).
     */
    Uni<Void> deadLetter(String consumer, ConsumerRecord<String, String> record, String reason, Throwable cause) {
        String topic = topics.of(record.topic());
        return Panache.withTransaction(() -> parked.park(consumer, record, reason))
                .chain(() -> emitter.sendMessage(Message.of(record.value()).addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(topic)
                        .withKey(record.key())
                        .withHeaders(headers(consumer, record, reason, cause))
                        .build())))
                .invoke(() -> LOG.warnf("%s dead-lettered %s (key %s, ref %s) to %s: %s", consumer,
                        ParkedEvents.position(record), record.key(), ParkedEvents.refOf(record), topic, reason));
    }

    private static RecordHeaders headers(String consumer, ConsumerRecord<String, String> record, String reason, Throwable cause) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(HEADER_PREFIX)) {
                headers.add(header);
            }
        }
        add(headers, REASON, reason);
        if (cause != null) {
            add(headers, EXCEPTION, cause.getClass().getName());
        }
        add(headers, TOPIC, record.topic());
        add(headers, PARTITION, String.valueOf(record.partition()));
        add(headers, OFFSET, String.valueOf(record.offset()));
        add(headers, CONSUMER, consumer);
        return headers;
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
