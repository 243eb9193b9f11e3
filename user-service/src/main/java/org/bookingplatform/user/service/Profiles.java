package org.bookingplatform.user.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.user.UserProfile;
import org.bookingplatform.user.messaging.UserEvents;
import org.bookingplatform.user.repository.UserProfileRepository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** The signed-in person's own profile. */
@ApplicationScoped
public class Profiles {

    private final UserProfileRepository profiles;
    private final UserEvents events;

    public Profiles(UserProfileRepository profiles, UserEvents events) {
        this.profiles = profiles;
        this.events = events;
    }

    /**
     * The caller's profile, created from the token's claims the first time a person who
     * signed up through Keycloak directly (an operator, a demo user) reaches the platform;
     * {@code user.registered} goes out with it, once, from the request that created it.
     */
    @WithTransaction
    public Uni<UserProfile> mine(Claims claims) {
        return profiles.findById(claims.userId())
                .onItem().ifNull().switchTo(() -> register(claims));
    }

    private Uni<UserProfile> register(Claims claims) {
        UserProfile profile = newProfile(claims);
        return profiles.insertIfAbsent(profile)
                .call(created -> created ? events.registered(profile) : Uni.createFrom().voidItem())
                .chain(() -> profiles.findById(claims.userId()));
    }

    private static UserProfile newProfile(Claims claims) {
        UserProfile profile = new UserProfile();
        profile.id = claims.userId();
        profile.email = claims.email();
        profile.displayName = claims.displayName();
        profile.emailNotifications = true;
        profile.version = 1;
        profile.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        profile.updatedAt = profile.createdAt;
        return profile;
    }

    /** What the access token says about its holder. */
    public record Claims(UUID userId, String email, String displayName) {
    }
}
