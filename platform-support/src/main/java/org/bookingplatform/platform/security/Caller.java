package org.bookingplatform.platform.security;

import io.quarkus.security.identity.SecurityIdentity;
import org.bookingplatform.platform.problem.Problem;
import org.bookingplatform.platform.problem.ProblemException;

import java.util.Set;
import java.util.UUID;

/**
 * The signed-in user a request acts for: the token's subject (Keycloak's user id, the principal
 * name) and the realm roles. The one place where a token becomes a user id, so that a token whose
 * subject is not a UUID is a 401 problem in every service instead of a 500 in each resource.
 */
public record Caller(UUID id, Set<String> roles) {

    public static final String OPERATOR = "operator";
    public static final String PARTNER = "partner";
    public static final String CUSTOMER = "customer";

    /** The caller of an authenticated request; a 401 problem when there is none or its subject is not a user id. */
    public static Caller of(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            throw unauthorized("This request needs a bearer token.");
        }
        String subject = identity.getPrincipal().getName();
        try {
            return new Caller(UUID.fromString(subject), Set.copyOf(identity.getRoles()));
        } catch (IllegalArgumentException | NullPointerException notAUserId) {
            throw unauthorized("The token's subject is not a user of this platform.");
        }
    }

    public boolean operator() {
        return roles.contains(OPERATOR);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    /** Operators may see everything; anyone else only what they own. */
    public boolean maySee(UUID ownerId) {
        return operator() || id.equals(ownerId);
    }

    private static ProblemException unauthorized(String detail) {
        return new ProblemException(Problem.of(401, "Unauthorized", detail), null);
    }
}
