package org.bookingplatform.notification.service;

import java.time.Instant;
import java.util.UUID;

/** One event as a customer is told of it: who, what, and the facts to show. */
public record Notice(UUID eventId, NoticeKind kind, UUID userId, Instant occurredAt, NoticeFacts facts) {
}
