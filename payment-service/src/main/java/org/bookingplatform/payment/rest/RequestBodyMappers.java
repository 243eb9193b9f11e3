package org.bookingplatform.payment.rest;

import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import org.bookingplatform.platform.problem.Problem;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Request bodies that do not fit, as problem+json with the offending field named. Needed beside
 * platform-support's ProblemMappers because quarkus-rest-jackson's built-in mapper for
 * MismatchedInputException (a wrong type, an unknown field) is more specific than its
 * JsonProcessingException mapper and would answer plain JSON.
 */
public class RequestBodyMappers {

    /**
     * Bodies are read strictly ({@code quarkus.jackson.fail-on-unknown-properties}): a client that
     * sends an {@code amount} learns that it has no say in it, rather than having it silently ignored.
     */
    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response unknownField(UnrecognizedPropertyException e) {
        return badRequest(e.getPropertyName(), "is not a field of this request");
    }

    @ServerExceptionMapper(priority = Priorities.USER - 100)
    public Response mismatched(MismatchedInputException e) {
        String field = e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
        return badRequest(field.isEmpty() ? "body" : field, "has an invalid value");
    }

    private static Response badRequest(String field, String message) {
        return Response.status(Response.Status.BAD_REQUEST).type(Problem.MEDIA_TYPE)
                .entity(new Problem("about:blank", "Bad Request", 400, "'" + field + "' " + message + ".",
                        List.of(new Problem.FieldError(field, message))))
                .build();
    }
}
