package org.bookingplatform.user.rest;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.bookingplatform.platform.idempotency.IdempotencyKeys;
import org.bookingplatform.platform.idempotency.IdempotentResult;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.paging.PageResponse;
import org.bookingplatform.platform.problem.ProblemException;
import org.bookingplatform.user.Profile;
import org.bookingplatform.user.service.Erasures;
import org.bookingplatform.user.service.SignUp;
import org.bookingplatform.user.service.SignUps;
import org.bookingplatform.user.service.SupportedLocales;
import org.bookingplatform.user.service.UserDirectory;

import java.util.Locale;
import java.util.UUID;

/** Sign-up (public) and the operators' view of every account. */
@Path("/users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("operator")
public class UserResource {

    private final SignUps signUps;
    private final UserDirectory directory;
    private final Erasures erasures;
    private final SupportedLocales locales;

    public UserResource(SignUps signUps, UserDirectory directory, Erasures erasures, SupportedLocales locales) {
        this.signUps = signUps;
        this.directory = directory;
        this.erasures = erasures;
        this.locales = locales;
    }

    /**
     * Creates an account (201 with the profile). Idempotency-Key is optional: without one, a
     * repeated sign-up is a 409 for the taken e-mail address, which is harmless.
     */
    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Response> signUp(@HeaderParam(IdempotencyKeys.HEADER) String idempotencyKey, @Valid @NotNull SignUpRequest request) {
        String key = idempotencyKey == null ? null : IdempotencyKeys.require(idempotencyKey);
        String locale = request.locale() == null ? null : locales.find(request.locale()).orElseThrow(() ->
                ProblemException.badRequest("locale", "must be one of " + String.join(", ", locales.all())));
        SignUp command = new SignUp(request.email().strip().toLowerCase(Locale.ROOT), request.password(),
                request.displayName().strip(), locale, request.phone());
        return signUps.signUp(key, command).map(IdempotentResult::toResponse);
    }

    @GET
    public Uni<PageResponse<Profile>> search(
            @QueryParam("query") @Size(max = 254, message = "must be at most 254 characters") String query,
            @BeanParam @Valid PageRequest page) {
        return directory.search(query, page).map(rows -> PageResponse.of(rows, page, row -> row));
    }

    @GET
    @Path("/{id}")
    public Uni<Profile> get(@PathParam("id") UUID id) {
        return directory.get(id);
    }

    /** An operator erases an account, as its owner can (DELETE /users/me). */
    @DELETE
    @Path("/{id}")
    public Uni<Response> erase(@PathParam("id") UUID id) {
        return erasures.erase(id).map(known -> {
            if (!known) {
                throw ProblemException.notFound("No user " + id + ".");
            }
            return Response.noContent().build();
        });
    }
}
