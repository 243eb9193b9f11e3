package org.bookingplatform.examples.partner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.CloudEventData;
import java.io.IOException;
import java.time.format.DateTimeFormatter;

/**
 * One event read from booking.events: the CloudEvents attributes this consumer uses and the data.
 * The CloudEvents SDK's Kafka deserializer has already read the attributes from the ce_* headers
 * (and checked that the required ones are there); this adds the JSON data and the booking id.
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

    /** @throws IllegalArgumentException when the event's data is not a JSON object */
    public static BookingEvent from(CloudEvent event, ObjectMapper json) {
        JsonNode data = parse(event.getData(), json);
        return new BookingEvent(event.getId(), event.getType(),
                event.getTime() == null ? null : DateTimeFormatter.ISO_INSTANT.format(event.getTime()),
                event.getDataSchema() == null ? null : event.getDataSchema().toString(),
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

    private static JsonNode parse(CloudEventData value, ObjectMapper json) {
        try {
            JsonNode data = value == null ? null : json.readTree(value.toBytes());
            if (data == null || !data.isObject()) {
                throw new IllegalArgumentException("the data is not a JSON object");
            }
            return data;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the data is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("the data cannot be read: " + e.getMessage(), e);
        }
    }
}
