package org.bookingplatform.notification.email;

import org.bookingplatform.notification.service.NoticeFacts;
import org.bookingplatform.notification.service.NoticeKind;

import java.time.Instant;
import java.util.UUID;

/** An e-mail the dispatcher has claimed: its row id is also its Message-ID. */
public record QueuedEmail(UUID id, UUID userId, NoticeKind kind, NoticeFacts facts, int attempts, Instant createdAt) {
}
