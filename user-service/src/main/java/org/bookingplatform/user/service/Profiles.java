package org.bookingplatform.user.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.platform.problem.ProblemException;
import org.bookingplatform.user.EmailPreferences;
import org.bookingplatform.user.Profile;
import org.bookingplatform.user.UserProfile;
import org.bookingplatform.user.messaging.UserEvents;
import org.bookingplatform.user.repository.UserProfileRepository;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
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
     * An erased account stays erased: a token issued before the erasure gets a 404.
     */
    @WithTransaction
    public Uni<Profile> mine(Claims claims) {
        return profiles.findById(claims.userId())
                .onItem().ifNull().switchTo(() -> register(claims))
                .map(Profiles::live)
                .map(Profile::of);
    }

    /**
     * Applies a merge patch to the caller's profile. A patch that changes something raises the
     * version and publishes {@code user.updated} with the whole profile; one that changes nothing
     * publishes nothing. The profile row is locked, so concurrent patches get consecutive versions.
     */
    @WithTransaction
    public Uni<Profile> change(Claims claims, ProfileChanges changes) {
        return profiles.lock(claims.userId())
                .onItem().ifNull().switchTo(() -> register(claims).chain(() -> profiles.lock(claims.userId())))
                .map(Profiles::live)
                .call(profile -> apply(profile, changes) ? publishUpdate(profile) : Uni.createFrom().voidItem())
                .map(Profile::of);
    }

    private Uni<Void> publishUpdate(UserProfile profile) {
        profile.version++;
        profile.updatedAt = now();
        return events.updated(profile);
    }

    private static boolean apply(UserProfile profile, ProfileChanges changes) {
        String displayName = changes.displayName().orElse(profile.displayName);
        // A replacement's value may be null (remove the field), so Optional.map would lose it.
        String phone = changes.phone().isPresent() ? changes.phone().get().value() : profile.phone;
        String locale = changes.locale().isPresent() ? changes.locale().get().value() : profile.locale;
        EmailPreferences preferences = changes.emailPreferences().map(p -> p.applyTo(profile.emailPreferences()))
                .orElse(profile.emailPreferences());
        boolean changed = !Objects.equals(displayName, profile.displayName) || !Objects.equals(phone, profile.phone)
                || !Objects.equals(locale, profile.locale) || !preferences.equals(profile.emailPreferences());
        profile.displayName = displayName;
        profile.phone = phone;
        profile.locale = locale;
        profile.emailPreferences(preferences);
        return changed;
    }

    private static UserProfile live(UserProfile profile) {
        if (profile.erased()) {
            throw ProblemException.notFound("This account was erased.");
        }
        return profile;
    }

    private Uni<UserProfile> register(Claims claims) {
        if (claims.email() == null || claims.email().isBlank()) {
            // Profiles and user.registered carry an e-mail address: a machine account has none.
            return Uni.createFrom().failure(
                    ProblemException.unprocessable("email", "the account has no e-mail address in the identity provider"));
        }
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
        profile.emailPreferences(EmailPreferences.ALL);
        profile.version = 1;
        profile.createdAt = now();
        profile.updatedAt = profile.createdAt;
        return profile;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /** What the access token says about its holder. */
    public record Claims(UUID userId, String email, String displayName) {
    }
}
