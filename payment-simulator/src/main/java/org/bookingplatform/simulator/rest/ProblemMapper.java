package org.bookingplatform.simulator.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.ws.rs.WebApplicationException;
import java.util.stream.Collectors;
import org.bookingplatform.simulator.ProblemException;
import org.bookingplatform.simulator.fault.ConnectionDropped;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Every error leaves as application/problem+json; no stack trace ever reaches a client. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final int UNSUPPORTED_MEDIA_TYPE = 415;

    @ServerExceptionMapper
    public RestResponse<Problem> problem(ProblemException e) {
        return answer(Problem.of(e));
    }

    /** Listing MismatchedInputException takes precedence over quarkus-rest-jackson's built-in mapper for it. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public RestResponse<Problem> unreadableBody(JsonProcessingException e) {
        String detail = "The request body is not valid JSON";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            detail = "Field '" + field + "' has an invalid value or type";
        }
        return problem(ProblemException.invalidRequest(detail));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> http(WebApplicationException e) {
        // Quarkus REST reports a body that is not JSON at all as a 400 WebApplicationException around Jackson's error.
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableBody(json);
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = status == UNSUPPORTED_MEDIA_TYPE ? "Send the request body as application/json" : e.getMessage();
        return answer(new Problem("about:blank", title, status, detail));
    }

    /** The connection is already closed; this only ends the request quietly, nothing is written. */
    @ServerExceptionMapper
    public RestResponse<Void> dropped(ConnectionDropped e) {
        return RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Exception e) {
        LOG.error("Unexpected failure", e);
        return problem(ProblemException.internalError());
    }

    private static RestResponse<Problem> answer(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem>create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE).build();
    }
}
