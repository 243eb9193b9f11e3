package org.bookingplatform.notification.webhook.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.bookingplatform.platform.messaging.IncomingEvent;

/**
 * A CloudEvent in structured JSON mode (the webhook body): the attributes that travel as
 * {@code ce_*} headers on Kafka become members beside {@code data}. A private mapper, so that
 * tuning the REST mapper never changes what partners receive.
 */
public final class StructuredCloudEvent {

    public static final String MEDIA_TYPE = "application/cloudevents+json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StructuredCloudEvent() {
    }

    public static String of(IncomingEvent event) {
        ObjectNode json = MAPPER.createObjectNode()
                .put("specversion", "1.0")
                .put("id", event.id().toString())
                .put("source", event.source())
                .put("type", event.type());
        if (event.subject() != null) {
            json.put("subject", event.subject());
        }
        if (event.time() != null) {
            json.put("time", event.time().toString());
        }
        if (event.dataSchema() != null) {
            json.put("dataschema", event.dataSchema());
        }
        json.put("datacontenttype", "application/json");
        json.set("data", event.data());
        try {
            return MAPPER.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event " + event.id() + " does not serialize", e);
        }
    }
}
