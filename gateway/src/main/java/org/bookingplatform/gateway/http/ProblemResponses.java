package org.bookingplatform.gateway.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import org.bookingplatform.platform.problem.Problem;

import java.time.Duration;

/** Writes the gateway's own error answers as RFC 9457 problem+json, outside JAX-RS. */
@Singleton
public class ProblemResponses {

    private final ObjectMapper json;

    public ProblemResponses(ObjectMapper json) {
        this.json = json;
    }

    public Buffer body(Problem problem) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem record always serializes", e);
        }
    }

    public void send(RoutingContext rc, Problem problem) {
        send(rc, problem, null);
    }

    public void send(RoutingContext rc, Problem problem, Duration retryAfter) {
        HttpServerResponse response = rc.response();
        if (response.headWritten()) {
            // Too late for an error answer: cutting the connection is the only honest signal left.
            response.reset();
            return;
        }
        response.setStatusCode(problem.status()).putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (retryAfter != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter));
        }
        response.end(body(problem));
    }

    public static String retryAfterSeconds(Duration retryAfter) {
        return Long.toString(Math.max(1, (retryAfter.toMillis() + 999) / 1000));
    }

    public static Problem unauthorized() {
        return Problem.of(401, "Unauthorized", "A valid bearer token is required.");
    }

    public static Problem forbidden() {
        return Problem.of(403, "Forbidden", "Your role does not allow this operation.");
    }
}
