package org.bookingplatform.notification.messaging;

import java.time.Instant;
import java.util.UUID;

/** Data of org.bookingplatform.user.erased (contracts: user.erased v1). */
public record UserErased(UUID userId, long version, Instant occurredAt) {
}
