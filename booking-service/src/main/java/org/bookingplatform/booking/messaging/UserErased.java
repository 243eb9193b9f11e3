package org.bookingplatform.booking.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** The part of {@code org.bookingplatform.user.erased} (contracts: user.erased v1) this service reads. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UserErased(UUID userId) {
}
