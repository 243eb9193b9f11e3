package org.bookingplatform.user.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import org.bookingplatform.platform.problem.ProblemException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.CredentialRepresentation;
import org.keycloak.representations.idm.UserRepresentation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * The accounts in Keycloak, through its admin API as the confidential {@code user-service} client
 * (client credentials; its service account may only manage, view and query users). The admin
 * client blocks, so every call runs on a worker thread and its result comes back on the caller's
 * Vert.x context, where the reactive database session of the same request lives.
 */
@ApplicationScoped
public class KeycloakAccounts {

    private static final Logger LOG = Logger.getLogger(KeycloakAccounts.class);

    private final Keycloak keycloak;
    private final String realm;

    public KeycloakAccounts(Keycloak keycloak, @ConfigProperty(name = "quarkus.keycloak.admin-client.realm") String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    /**
     * Creates an enabled account whose user name is the e-mail address, with its password, in one
     * call: Keycloak checks the password against the realm's policy and stores nothing when it
     * refuses, which is a 400 naming the rule. The realm's default roles make the account a
     * customer. A taken e-mail address (also the user name, unique in Keycloak's database) is a 409.
     */
    public Uni<UUID> create(NewAccount account) {
        return blocking(() -> {
            try (Response response = users().create(representation(account))) {
                if (response.getStatus() == 409) {
                    throw ProblemException.conflict("An account with this e-mail address exists already.");
                }
                if (response.getStatus() == 400) {
                    throw ProblemException.badRequest("password", errorOf(response));
                }
                return UUID.fromString(CreatedResponseUtil.getCreatedId(response));
            }
        });
    }

    /** Deletes the account; one that is already gone counts as deleted, so a retried erasure goes on. */
    public Uni<Boolean> delete(UUID id) {
        return blocking(() -> remove(id));
    }

    private static UserRepresentation representation(NewAccount account) {
        UserRepresentation user = new UserRepresentation();
        user.setUsername(account.email());
        user.setEmail(account.email());
        user.setEmailVerified(false);
        // Keycloak's default user profile requires a first and a last name before a login succeeds;
        // the platform asks only for the name a person wants to be addressed by.
        String name = account.displayName().strip();
        int split = name.lastIndexOf(' ');
        user.setFirstName(split > 0 ? name.substring(0, split).strip() : name);
        user.setLastName(split > 0 ? name.substring(split + 1) : name);
        user.setEnabled(true);
        user.setCredentials(List.of(password(account.password())));
        return user;
    }

    private boolean remove(UUID id) {
        try (Response response = users().delete(id.toString())) {
            if (response.getStatus() == 404) {
                return false;
            }
            if (response.getStatus() >= 300) {
                throw new IllegalStateException("Keycloak answered " + response.getStatus() + " to deleting user " + id);
            }
            return true;
        }
    }

    private void removeQuietly(UUID id) {
        try {
            remove(id);
        } catch (RuntimeException e) {
            LOG.errorf(e, "could not remove Keycloak user %s of a failed sign-up; delete it by hand", id);
        }
    }

    /** Compensation for callers: removes the account of a sign-up whose later step failed. */
    public Uni<Void> compensate(UUID id) {
        return blocking(() -> {
            removeQuietly(id);
            return null;
        });
    }

    /** Keycloak's own words: {@code error_description} names the rule ("Invalid password: minimum length 12."). */
    @SuppressWarnings("unchecked")
    private static String errorOf(Response response) {
        try {
            Map<String, Object> body = response.readEntity(Map.class);
            Object text = body.getOrDefault("error_description", body.getOrDefault("errorMessage", body.get("error")));
            return text == null ? "refused by the identity provider" : text.toString();
        } catch (RuntimeException unreadable) {
            return "refused by the identity provider";
        }
    }

    private static CredentialRepresentation password(String password) {
        CredentialRepresentation credential = new CredentialRepresentation();
        credential.setType(CredentialRepresentation.PASSWORD);
        credential.setValue(password);
        credential.setTemporary(false);
        return credential;
    }

    private UsersResource users() {
        return keycloak.realm(realm).users();
    }

    private static <T> Uni<T> blocking(Callable<T> call) {
        Context context = Vertx.currentContext();
        Callable<T> guarded = () -> {
            try {
                return call.call();
            } catch (ProcessingException unreachable) {
                LOG.warn("Keycloak unreachable: " + unreachable.getMessage());
                throw ProblemException.unavailable("The identity provider cannot be reached; try again shortly.", Duration.ofSeconds(5));
            }
        };
        if (context == null) {
            throw new IllegalStateException("Keycloak calls must start on a Vert.x context (a request or a message)");
        }
        return Uni.createFrom().completionStage(() -> context.executeBlocking(guarded, false).toCompletionStage());
    }
}
