package org.bookingplatform.notification.service;

import java.util.UUID;

/**
 * Which of a user's notifications to list: {@code unread} true for unread only, false for read
 * only, null for all; {@code bookingId} null for every booking.
 */
public record NotificationQuery(UUID userId, Boolean unread, UUID bookingId, int page, int size) {
}
