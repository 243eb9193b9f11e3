package org.bookingplatform.platform.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A CloudEvent read from a Kafka record in binary mode: the attributes from the {@code ce_*}
 * headers, the data from the record value.
 */
public record IncomingEvent(UUID id, String type, String source, String subject, String dataSchema,
                            Instant time, JsonNode data) {

    /** Fails with IllegalArgumentException when a required attribute (id, type, source, specversion) is missing. */
    public static IncomingEvent from(ConsumerRecord<String, String> record) {
        String specVersion = required(record, "ce_specversion");
        if (!"1.0".equals(specVersion)) {
            throw new IllegalArgumentException("unsupported CloudEvents version " + specVersion + " at " + position(record));
        }
        String time = header(record, "ce_time");
        return new IncomingEvent(
                UUID.fromString(required(record, "ce_id")),
                required(record, "ce_type"),
                required(record, "ce_source"),
                header(record, "ce_subject"),
                header(record, "ce_dataschema"),
                time == null ? null : OffsetDateTime.parse(time).toInstant(),
                record.value() == null ? null : EventJson.readTree(record.value()));
    }

    /** The data as the given type, e.g. the record that the producer wrote. */
    public <T> T dataAs(Class<T> type) {
        return EventJson.treeToValue(data, type);
    }

    private static String required(ConsumerRecord<String, String> record, String name) {
        String value = header(record, name);
        if (value == null) {
            throw new IllegalArgumentException("not a CloudEvent: no " + name + " header at " + position(record));
        }
        return value;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }
}
