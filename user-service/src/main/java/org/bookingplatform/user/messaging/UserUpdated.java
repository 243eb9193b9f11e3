package org.bookingplatform.user.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.bookingplatform.user.EmailPreferences;

import java.time.Instant;
import java.util.UUID;

/**
 * Data of {@code org.bookingplatform.user.updated} (contracts: user.updated v1): the whole profile
 * after the change. {@code emailNotifications} says whether any e-mail is wanted at all,
 * {@code emailPreferences} which kinds.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserUpdated(UUID userId, int version, Instant occurredAt, String email, String displayName,
                          String locale, String phone, boolean emailNotifications, EmailPreferences emailPreferences) {
}
