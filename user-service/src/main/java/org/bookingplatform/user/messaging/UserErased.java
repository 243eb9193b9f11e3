package org.bookingplatform.user.messaging;

import java.time.Instant;
import java.util.UUID;

/** Data of {@code org.bookingplatform.user.erased} (contracts: user.erased v1): the id alone, the pseudonym that stays. */
public record UserErased(UUID userId, int version, Instant occurredAt) {
}
