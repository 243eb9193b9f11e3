package org.bookingplatform.system.harness;

import java.util.UUID;

/** A customer made through the public sign-up API: the profile's id and what they sign in with. */
public record Customer(UUID id, String email, String password, String displayName) {
}
