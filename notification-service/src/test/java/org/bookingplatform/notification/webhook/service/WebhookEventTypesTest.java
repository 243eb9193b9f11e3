package org.bookingplatform.notification.webhook.service;

import org.bookingplatform.contracts.EventType;
import org.bookingplatform.contracts.Topic;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class WebhookEventTypesTest {

    @Test
    void partnersMaySubscribeToExactlyTheEventTypesOfBookingEvents() {
        assertEquals(Arrays.stream(EventType.values()).filter(t -> t.topic() == Topic.BOOKING_EVENTS).map(EventType::ceType)
                .collect(Collectors.toSet()), WebhookEventTypes.ALL);
    }
}
