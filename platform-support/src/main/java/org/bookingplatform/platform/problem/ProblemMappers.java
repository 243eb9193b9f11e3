package org.bookingplatform.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.bookingplatform.platform.security.IdentityProviderFailures;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an {@code application/problem+json} answer. Unexpected errors are
 * logged here with their stack trace and answered with a generic 500 that reveals nothing.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        Response.ResponseBuilder response = respond(e.problem());
        if (e.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, Math.max(1, e.retryAfter().toSeconds()));
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return respond(new Problem("about:blank", "Bad Request", 400, detail, errors)).build();
    }

    /**
     * A value that does not fit its field (a malformed UUID or time, an unknown enum value, an
     * unknown field where a service reads strictly). Mapped on its own because quarkus-rest-jackson's
     * built-in mapper for it is more specific than JsonProcessingException and answers plain JSON.
     */
    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        String field = fieldPath(e);
        if (field.isEmpty()) {
            return unreadable(e);
        }
        String message = e instanceof UnrecognizedPropertyException ? "is not a field of this request" : "has an invalid value";
        return respond(new Problem("about:blank", "Bad Request", 400, "'" + field + "' " + message + ".",
                List.of(new Problem.FieldError(field, message)))).build();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        String field = e instanceof JsonMappingException mapping ? fieldPath(mapping) : null;
        String detail = field == null || field.isEmpty()
                ? "The request body is not valid JSON."
                : "The request body has an invalid value for '" + field + "'.";
        List<Problem.FieldError> errors = field == null || field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, "invalid value"));
        return respond(new Problem("about:blank", "Bad Request", 400, detail, errors)).build();
    }

    /**
     * A token that could not be verified: 401, unless the identity provider could not be asked
     * (503: temporary, not the caller's fault). quarkus-oidc raises OIDCException for a token of
     * the wrong type too, so neither the type nor a cause of that type decides it.
     */
    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class, OIDCException.class})
    public Response unauthenticated(RuntimeException e) {
        if (IdentityProviderFailures.providerUnreachable(e)) {
            LOG.warn("identity provider unavailable: " + e.getMessage());
            return respond(Problem.of(503, "Service Unavailable", "The identity provider cannot be reached; try again shortly."))
                    .header(HttpHeaders.RETRY_AFTER, 5)
                    .build();
        }
        return respond(Problem.of(401, "Unauthorized", "A valid bearer token is required."))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(Problem.of(403, "Forbidden", "Your role does not allow this operation.")).build();
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e) {
        Response original = e.getResponse();
        int status = original.getStatus();
        if (status >= 500) {
            LOG.error("request failed", e);
        }
        Response.ResponseBuilder response = respond(Problem.of(status, original.getStatusInfo().getReasonPhrase(),
                status >= 500 ? "The server could not complete the request." : e.getMessage()));
        original.getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> response.header(name, value));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Throwable e) {
        if (unstorableCharacter(e)) {
            return respond(Problem.of(400, "Bad Request",
                    "The request contains a character that cannot be stored, such as NUL (\\u0000).")).build();
        }
        LOG.error("unexpected error", e);
        return respond(Problem.of(500, "Internal Server Error", "The server could not complete the request.")).build();
    }

    /**
     * PostgreSQL refuses text with a NUL character (SQLSTATE 22021) or one its encoding lacks
     * (22P05): a flaw of the request, whichever text field or parameter carried it, and the
     * statement failed, so nothing was written.
     */
    private static boolean unstorableCharacter(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // Paths look like "create.request.quantity": the method and parameter names add nothing for a client.
        String path = violation.getPropertyPath().toString();
        String[] parts = path.split("\\.");
        return parts.length > 2 ? String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : parts[parts.length - 1];
    }

    private static String fieldPath(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
