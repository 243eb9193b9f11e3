package org.bookingplatform.notification.service;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A user's profile as user.registered or user.updated carries it. {@code locale} and
 * {@code emailNotifications} may be absent (null): no locale means English, no preference means
 * e-mail is on, as user-service's default is. {@code emailPreferences} (one switch per kind,
 * keyed as {@link NoticeKind#preference()}) is absent from events before user-service had it.
 */
public record ContactChange(UUID userId, long version, Instant occurredAt, String email, String displayName,
                            String locale, Boolean emailNotifications, Map<String, Boolean> emailPreferences) {
}
