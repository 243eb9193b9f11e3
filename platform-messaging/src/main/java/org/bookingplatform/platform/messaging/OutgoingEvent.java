package org.bookingplatform.platform.messaging;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

/**
 * An event a service announces, as a CloudEvent: {@code id}, {@code type}, {@code source},
 * {@code subject} (the aggregate id, also the Kafka key that keeps one aggregate's events in
 * order), {@code dataSchema}, {@code time}; {@code data} is any Jackson-serializable object
 * whose JSON is an object (usually a record).
 */
public record OutgoingEvent(UUID id, String topic, String type, String source, String subject,
                            String dataSchema, Instant time, Object data) {

    static final String TYPE_PREFIX = "org.bookingplatform.";

    public OutgoingEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(dataSchema, "dataSchema");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
    }

    /**
     * An event that happens now, with a fresh id and the schema URN of its type, e.g.
     * {@code org.bookingplatform.booking.requested -> urn:bookingplatform:schema:booking.requested:v1}.
     */
    public static OutgoingEvent of(String topic, String type, String source, String subject, Object data) {
        return new OutgoingEvent(UUID.randomUUID(), topic, type, source, subject, schemaOf(type),
                Instant.now().truncatedTo(ChronoUnit.MILLIS), data);
    }

    static String schemaOf(String type) {
        if (!type.startsWith(TYPE_PREFIX) || type.length() == TYPE_PREFIX.length()) {
            throw new IllegalArgumentException("event type must start with " + TYPE_PREFIX + ": " + type);
        }
        return "urn:bookingplatform:schema:" + type.substring(TYPE_PREFIX.length()) + ":v1";
    }
}
