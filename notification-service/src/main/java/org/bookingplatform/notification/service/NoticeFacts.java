package org.bookingplatform.notification.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * What a notice shows, taken from the event's data; each kind uses some of the fields. Kept with a
 * queued e-mail, so that the e-mail is written when it is sent, in the language the user has then.
 *
 * @param timeZone the listing's IANA time zone for showing times, when the event names one (an
 *                 optional {@code timeZone} field); times are shown in UTC otherwise
 */
public record NoticeFacts(UUID bookingId, Long amount, String currency, Instant start, Instant end, Integer quantity,
                          Instant holdExpiresAt, String timeZone, String reason, String cancelledBy,
                          String previousStatus) {

    /** Reads the fields a notice can show; absent ones stay null. */
    public static NoticeFacts of(JsonNode data) {
        return new NoticeFacts(
                uuid(data, "bookingId"),
                data.hasNonNull("amount") ? data.get("amount").asLong() : null,
                text(data, "currency"),
                instant(data, "start"),
                instant(data, "end"),
                data.hasNonNull("quantity") ? data.get("quantity").asInt() : null,
                instant(data, "holdExpiresAt"),
                text(data, "timeZone"),
                text(data, "reason"),
                text(data, "cancelledBy"),
                text(data, "previousStatus"));
    }

    /** The facts as JSON with the event's own field names, so that {@link #of} reads them back. */
    public ObjectNode toJson() {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        put(json, "bookingId", bookingId);
        if (amount != null) {
            json.put("amount", amount);
        }
        put(json, "currency", currency);
        put(json, "start", start);
        put(json, "end", end);
        if (quantity != null) {
            json.put("quantity", quantity);
        }
        put(json, "holdExpiresAt", holdExpiresAt);
        put(json, "timeZone", timeZone);
        put(json, "reason", reason);
        put(json, "cancelledBy", cancelledBy);
        put(json, "previousStatus", previousStatus);
        return json;
    }

    private static void put(ObjectNode json, String field, Object value) {
        if (value != null) {
            json.put(field, value.toString());
        }
    }

    private static String text(JsonNode data, String field) {
        return data.hasNonNull(field) ? data.get(field).asText() : null;
    }

    private static UUID uuid(JsonNode data, String field) {
        String value = text(data, field);
        return value == null ? null : UUID.fromString(value);
    }

    private static Instant instant(JsonNode data, String field) {
        String value = text(data, field);
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }
}
