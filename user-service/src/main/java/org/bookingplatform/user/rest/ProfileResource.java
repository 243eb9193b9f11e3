package org.bookingplatform.user.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bookingplatform.platform.problem.Problem;
import org.bookingplatform.platform.problem.ProblemException;
import org.bookingplatform.platform.security.Caller;
import org.bookingplatform.user.Profile;
import org.bookingplatform.user.service.Erasures;
import org.bookingplatform.user.service.Profiles;
import org.bookingplatform.user.service.SupportedLocales;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;

/** The signed-in person's own profile: read it, change it, erase the account. */
@Path("/users/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ProfileResource {

    private final Profiles profiles;
    private final Erasures erasures;
    private final SupportedLocales locales;
    private final ObjectMapper json;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public ProfileResource(Profiles profiles, Erasures erasures, SupportedLocales locales, ObjectMapper json,
                           SecurityIdentity identity, JsonWebToken token) {
        this.profiles = profiles;
        this.erasures = erasures;
        this.locales = locales;
        this.json = json;
        this.identity = identity;
        this.token = token;
    }

    @GET
    public Uni<Profile> mine() {
        return profiles.mine(claims());
    }

    /** A JSON merge patch of displayName, phone, locale and emailPreferences. */
    @PATCH
    @Consumes(ProfilePatch.MEDIA_TYPE)
    public Uni<Profile> change(String patch) {
        Profiles.Claims claims = claims();
        return profiles.change(claims, ProfilePatch.parse(json, patch, locales));
    }

    /**
     * Erases the account: the sign-in, the profile's personal data; the other services follow
     * user.erased. A service account may not: it is no person's account, and erasing it would
     * delete the user its client signs in as.
     */
    @DELETE
    public Uni<Response> erase() {
        Caller caller = Caller.of(identity);
        if (ServiceAccounts.isServiceAccount(token)) {
            throw new ProblemException(Problem.of(403, "Forbidden", "A service account has no personal account to erase."), null);
        }
        return erasures.erase(caller.id()).map(ignored -> Response.noContent().build());
    }

    private Profiles.Claims claims() {
        Caller caller = Caller.of(identity);
        String username = Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(caller.id().toString());
        String name = Optional.ofNullable(token.<String>getClaim("name")).orElse(username);
        return new Profiles.Claims(caller.id(), token.getClaim("email"), name);
    }
}
