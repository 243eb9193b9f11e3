package org.bookingplatform.examples.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/**
 * One event read from booking.events: the CloudEvents attributes this consumer uses (from the
 * ce_* headers) and the data (the record value).
 *
 * @param id         ce_id: unique per event and the same on every redelivery, so the deduplication key
 * @param type       ce_type, e.g. {@code org.bookingplatform.booking.confirmed}
 * @param time       ce_time, when it happened (RFC 3339)
 * @param dataschema ce_dataschema, e.g. {@code urn:bookingplatform:schema:booking.confirmed:v1}
 * @param bookingId  the booking it is about (also the record key)
 * @param data       the event data; fields this consumer does not know are simply not read
 */
public record BookingEvent(String id, String type, String time, String dataschema, String bookingId, JsonNode data) {

    private static final String TYPE_PREFIX = "org.bookingplatform.";

    /** @throws IllegalArgumentException when the record has no ce_id or ce_type, or its value is not a JSON object */
    public static BookingEvent from(ConsumerRecord<String, String> record, ObjectMapper json) {
        String id = header(record, "ce_id");
        String type = header(record, "ce_type");
        if (id == null || type == null) {
            throw new IllegalArgumentException("no ce_id or ce_type header");
        }
        JsonNode data = parse(record.value(), json);
        return new BookingEvent(id, type, header(record, "ce_time"), header(record, "ce_dataschema"),
                data.path("bookingId").asText(), data);
    }

    /** The type without the {@code org.bookingplatform.} prefix, e.g. {@code booking.confirmed}. */
    public String shortType() {
        return type.startsWith(TYPE_PREFIX) ? type.substring(TYPE_PREFIX.length()) : type;
    }

    /** Whether the data follows that major version of its schema: ce_dataschema ends in {@code :v<major>}. */
    public boolean hasSchemaVersion(int major) {
        return dataschema != null && dataschema.endsWith(":v" + major);
    }

    private static JsonNode parse(String value, ObjectMapper json) {
        try {
            JsonNode data = value == null ? null : json.readTree(value);
            if (data == null || !data.isObject()) {
                throw new IllegalArgumentException("the value is not a JSON object");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the value is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
