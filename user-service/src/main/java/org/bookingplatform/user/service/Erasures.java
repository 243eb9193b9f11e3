package org.bookingplatform.user.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.user.UserProfile;
import org.bookingplatform.user.client.KeycloakAccounts;
import org.bookingplatform.user.messaging.UserEvents;
import org.bookingplatform.user.repository.UserProfileRepository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * GDPR erasure of an account. The Keycloak account goes first: once it is gone nobody can sign in
 * as the person, and a profile can no longer be recreated from a fresh token. Then, in one
 * transaction, the profile is anonymized (only the id stays: the pseudonym under which the other
 * services keep what the law lets or makes them keep), the stored sign-up answers are forgotten
 * and {@code user.erased} is written to the outbox. Every step may be repeated: a retry after a
 * failure in between finishes the erasure, and erasing an erased account changes nothing.
 */
@ApplicationScoped
public class Erasures {

    private final KeycloakAccounts accounts;
    private final UserProfileRepository profiles;
    private final UserEvents events;

    public Erasures(KeycloakAccounts accounts, UserProfileRepository profiles, UserEvents events) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.events = events;
    }

    /** Erases the person; false when neither Keycloak nor this service knew them. */
    public Uni<Boolean> erase(UUID userId) {
        return accounts.delete(userId).chain(hadAccount -> Panache.withTransaction(() -> anonymize(userId, hadAccount)));
    }

    private Uni<Boolean> anonymize(UUID userId, boolean hadAccount) {
        return profiles.lock(userId).chain(profile -> {
            if (profile == null) {
                // Never visited user-service, but other services may hold their bookings and payments.
                return hadAccount ? tombstone(userId).replaceWith(true) : Uni.createFrom().item(false);
            }
            if (profile.erased()) {
                return Uni.createFrom().item(true);
            }
            profile.version++;
            profile.anonymize(now());
            return profiles.forgetSignUpAnswers(userId, SignUps.SCOPE)
                    .chain(() -> events.erased(profile))
                    .replaceWith(true);
        });
    }

    private Uni<Void> tombstone(UUID userId) {
        UserProfile profile = new UserProfile();
        profile.id = userId;
        profile.version = 1;
        profile.createdAt = now();
        profile.anonymize(profile.createdAt);
        return profiles.persist(profile).chain(events::erased);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
