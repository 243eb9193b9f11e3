package org.bookingplatform.platform.problem;

import java.time.Duration;
import java.util.List;

/**
 * Thrown by use cases to end a request with a specific problem answer (a 409 for a conflict,
 * a 404 for a resource the caller may not see, ...). Carries no stack trace: it is control flow.
 */
public class ProblemException extends RuntimeException {

    private final Problem problem;
    private final Duration retryAfter;

    public ProblemException(Problem problem, Duration retryAfter) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.retryAfter = retryAfter;
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(Problem.of(404, "Not Found", detail), null);
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(Problem.of(409, "Conflict", detail), null);
    }

    public static ProblemException unprocessable(String field, String message) {
        return new ProblemException(new Problem("about:blank", "Unprocessable Content", 422, message,
                List.of(new Problem.FieldError(field, message))), null);
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(new Problem("about:blank", "Bad Request", 400, message,
                List.of(new Problem.FieldError(field, message))), null);
    }

    public static ProblemException unavailable(String detail, Duration retryAfter) {
        return new ProblemException(Problem.of(503, "Service Unavailable", detail), retryAfter);
    }

    public Problem problem() {
        return problem;
    }

    /** How long the client should wait before retrying, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
