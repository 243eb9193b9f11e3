package org.bookingplatform.gateway.proxy;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyResponse;
import org.jboss.logging.Logger;

/**
 * One try at the upstream request. A try that the guard gave up on (timed out, or superseded by
 * a retry) must not keep its connection: it is reset, and an answer arriving late is discarded.
 * All of this runs on the request's event loop, so no locking is needed.
 */
final class UpstreamAttempt {

    private static final Logger LOG = Logger.getLogger(UpstreamAttempt.class);
    private static final String CURRENT = "gateway.upstream-attempt";

    private HttpClientRequest request;
    private boolean answered;
    private boolean abandoned;

    /** Starts a new try, abandoning the previous one of the same exchange. */
    static UpstreamAttempt start(ProxyContext context) {
        abandonCurrent(context);
        UpstreamAttempt attempt = new UpstreamAttempt();
        context.set(CURRENT, attempt);
        return attempt;
    }

    static void abandonCurrent(ProxyContext context) {
        UpstreamAttempt current = context.get(CURRENT, UpstreamAttempt.class);
        if (current != null) {
            current.abandon();
        }
    }

    /** Called when the connection for this try is obtained. */
    static void bind(ProxyContext context, HttpClientRequest request) {
        UpstreamAttempt current = context.get(CURRENT, UpstreamAttempt.class);
        // Failures reach the proxy through the response; a reset of an abandoned try is expected, not an error.
        request.exceptionHandler(failure -> LOG.debugf("upstream request ended: %s", failure.getMessage()));
        if (current != null) {
            current.request = request;
            if (current.abandoned) {
                request.reset();
            }
        }
    }

    /** The outcome of this try, or a failure if the guard already gave up on it. */
    Future<ProxyResponse> settle(AsyncResult<ProxyResponse> outcome) {
        answered = true;
        if (abandoned && outcome.succeeded()) {
            outcome.result().release();
            return Future.failedFuture("answer arrived after the attempt was abandoned");
        }
        return outcome.succeeded() ? Future.succeededFuture(outcome.result()) : Future.failedFuture(outcome.cause());
    }

    private void abandon() {
        abandoned = true;
        if (request != null && !answered) {
            request.reset();
        }
    }
}
