package org.bookingplatform.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import org.bookingplatform.platform.problem.Problem;

/**
 * Refuses a request whose declared Content-Length exceeds {@code quarkus.http.limits.max-body-size}
 * with a 413 problem before any of it is read. It runs just before Quarkus's own check, which
 * would answer the same status with an empty body. Streamed (chunked) bodies are counted while
 * they are forwarded instead.
 */
public final class RequestSizeLimit implements Handler<RoutingContext> {

    private final long maxBodySize;
    private final ProblemResponses problems;

    public RequestSizeLimit(long maxBodySize, ProblemResponses problems) {
        this.maxBodySize = maxBodySize;
        this.problems = problems;
    }

    @Override
    public void handle(RoutingContext rc) {
        String length = rc.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && declaredLength(length) > maxBodySize) {
            tooLarge(rc, problems, maxBodySize);
            return;
        }
        rc.next();
    }

    public static Problem tooLargeProblem(long maxBodySize) {
        return Problem.of(413, "Content Too Large", "The request body exceeds " + maxBodySize + " bytes.");
    }

    /** The unread rest of the body is not worth draining: the connection is closed after the answer. */
    static void tooLarge(RoutingContext rc, ProblemResponses problems, long maxBodySize) {
        rc.response().putHeader(HttpHeaders.CONNECTION, "close");
        problems.send(rc, tooLargeProblem(maxBodySize));
    }

    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            // The HTTP codec rejects malformed lengths itself.
            return -1;
        }
    }
}
