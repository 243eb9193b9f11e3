package org.bookingplatform.gateway.composition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * A booking with its payments and notifications, as the services answered them. A part that
 * could not be had in time is null and named in {@code missing} ("payments", "notifications");
 * {@code missing} is empty when the overview is complete.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record BookingOverview(JsonNode booking, JsonNode payments, JsonNode notifications, List<String> missing) {
}
