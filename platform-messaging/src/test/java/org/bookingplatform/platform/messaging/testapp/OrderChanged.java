package org.bookingplatform.platform.messaging.testapp;

import java.util.UUID;

/** Data of the test order events: which order, at which version. */
public record OrderChanged(UUID orderId, int version) {
}
