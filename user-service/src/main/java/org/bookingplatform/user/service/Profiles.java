package org.bookingplatform.user.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.user.UserProfile;
import org.bookingplatform.user.repository.UserProfileRepository;

import java.time.Instant;
import java.util.UUID;

/** The signed-in person's own profile. */
@ApplicationScoped
public class Profiles {

    private final UserProfileRepository profiles;

    public Profiles(UserProfileRepository profiles) {
        this.profiles = profiles;
    }

    /**
     * The caller's profile, created from the token's claims the first time a person who
     * signed up through Keycloak directly (an operator, a demo user) reaches the platform.
     */
    @WithTransaction
    public Uni<UserProfile> mine(Claims claims) {
        return profiles.findById(claims.userId())
                .onItem().ifNull().switchTo(() -> profiles.persist(newProfile(claims)));
    }

    private static UserProfile newProfile(Claims claims) {
        UserProfile profile = new UserProfile();
        profile.id = claims.userId();
        profile.email = claims.email();
        profile.displayName = claims.displayName();
        profile.emailNotifications = true;
        profile.version = 1;
        profile.createdAt = Instant.now();
        profile.updatedAt = profile.createdAt;
        return profile;
    }

    /** What the access token says about its holder. */
    public record Claims(UUID userId, String email, String displayName) {
    }
}
