package org.bookingplatform.user.rest;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.bookingplatform.platform.problem.ProblemException;
import org.bookingplatform.user.service.Profiles;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Optional;
import java.util.UUID;

@Path("/users/me")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ProfileResource {

    private final Profiles profiles;
    private final JsonWebToken token;

    public ProfileResource(Profiles profiles, JsonWebToken token) {
        this.profiles = profiles;
        this.token = token;
    }

    @GET
    public Uni<ProfileView> mine() {
        String username = Optional.ofNullable(token.<String>getClaim("preferred_username")).orElse(token.getSubject());
        String name = Optional.ofNullable(token.<String>getClaim("name")).orElse(username);
        String email = token.getClaim("email");
        if (email == null || email.isBlank()) {
            // Profiles and user.registered carry an e-mail address: a machine account has none.
            throw ProblemException.unprocessable("email", "the account has no e-mail address in the identity provider");
        }
        return profiles.mine(new Profiles.Claims(UUID.fromString(token.getSubject()), email, name)).map(ProfileView::of);
    }
}
