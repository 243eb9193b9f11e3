package org.bookingplatform.notification.stream;

import java.time.Instant;
import java.util.UUID;

/** A notification as a live stream sends it; {@code seq} is its event id there. */
public record StreamedNotification(long seq, UUID id, UUID bookingId, String kind, String title, String body,
                                   Instant createdAt, Instant readAt) {
}
