package org.bookingplatform.user.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.platform.idempotency.IdempotencyKeys;
import org.bookingplatform.platform.idempotency.IdempotentResult;
import org.bookingplatform.platform.problem.ProblemException;
import org.bookingplatform.user.EmailPreferences;
import org.bookingplatform.user.Profile;
import org.bookingplatform.user.UserProfile;
import org.bookingplatform.user.client.KeycloakAccounts;
import org.bookingplatform.user.client.NewAccount;
import org.bookingplatform.user.messaging.UserEvents;
import org.bookingplatform.user.repository.UserProfileRepository;
import org.hibernate.exception.ConstraintViolationException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Sign-up: the account in Keycloak, then the profile and {@code user.registered} in one database
 * transaction, with the Idempotency-Key's answer. Keycloak is not part of that transaction, so
 * the account is removed again when anything after its creation fails (the profile insert, the
 * commit): no account without a profile is left behind. The key is claimed before Keycloak is
 * called, so a concurrent retry with the same key waits for this one and replays its answer.
 */
@ApplicationScoped
public class SignUps {

    public static final String SCOPE = "users.sign-up";

    private final KeycloakAccounts accounts;
    private final UserProfileRepository profiles;
    private final UserEvents events;
    private final IdempotencyKeys keys;

    public SignUps(KeycloakAccounts accounts, UserProfileRepository profiles, UserEvents events, IdempotencyKeys keys) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.events = events;
        this.keys = keys;
    }

    /** Signs up; with an Idempotency-Key (optional here) a retry gets the first answer again. */
    public Uni<IdempotentResult<Profile>> signUp(String idempotencyKey, SignUp request) {
        AtomicReference<UUID> created = new AtomicReference<>();
        Function<SignUp, Uni<Profile>> useCase = command -> accounts
                .create(new NewAccount(command.email(), command.displayName(), command.password()))
                .invoke(created::set)
                .chain(id -> store(id, command))
                .map(Profile::of);
        return Panache.withTransaction(() -> idempotencyKey == null
                        ? useCase.apply(request).map(profile -> IdempotentResult.fresh(201, profile))
                        : keys.once(SCOPE, idempotencyKey, request.fingerprint(), 201, () -> useCase.apply(request)))
                .onFailure().call(failure -> created.get() == null ? Uni.createFrom().voidItem() : accounts.compensate(created.get()))
                .onFailure(SignUps::emailTaken).transform(taken ->
                        ProblemException.conflict("An account with this e-mail address exists already."));
    }

    private Uni<UserProfile> store(UUID id, SignUp command) {
        UserProfile profile = new UserProfile();
        profile.id = id;
        profile.email = command.email();
        profile.displayName = command.displayName();
        profile.locale = command.locale();
        profile.phone = command.phone();
        profile.emailPreferences(EmailPreferences.ALL);
        profile.version = 1;
        profile.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        profile.updatedAt = profile.createdAt;
        return profiles.persist(profile)
                .call(profiles::flush)
                .call(events::registered);
    }

    /**
     * A profile with the address exists although Keycloak had none (an account deleted in Keycloak
     * by hand, say): the address is taken in this service too.
     */
    private static boolean emailTaken(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException && String.valueOf(cause.getMessage()).contains("user_profile_email_idx")) {
                return true;
            }
        }
        return false;
    }
}
