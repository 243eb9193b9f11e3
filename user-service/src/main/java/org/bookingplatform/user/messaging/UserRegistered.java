package org.bookingplatform.user.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code org.bookingplatform.user.registered} (contracts: user.registered v1); absent locale and phone are left out. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserRegistered(UUID userId, int version, Instant occurredAt, String email, String displayName,
                             String locale, String phone) {
}
