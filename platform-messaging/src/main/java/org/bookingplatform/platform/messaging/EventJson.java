package org.bookingplatform.platform.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON mapping of event data, for producers and consumers alike. It is deliberately not
 * the application's ObjectMapper: a service may tune that one for its REST API, and such a
 * change must not silently alter the wire format that other services and partners read.
 */
final class EventJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .addModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            // A consumer must keep working when a producer adds a field to an event.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private EventJson() {
    }

    /** The data as JSON text; it must be a JSON object, as CloudEvents data of this platform always is. */
    static String write(Object data) {
        String json;
        try {
            json = MAPPER.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data does not serialize: " + data.getClass().getName(), e);
        }
        // Jackson writes no leading whitespace: an object is exactly a text that starts with '{'.
        if (!json.startsWith("{")) {
            throw new IllegalArgumentException("event data must serialize to a JSON object: " + data.getClass().getName());
        }
        return json;
    }

    static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data is not valid JSON", e);
        }
    }

    static <T> T treeToValue(JsonNode data, Class<T> type) {
        try {
            return MAPPER.treeToValue(data, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data does not fit " + type.getName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
