package org.bookingplatform.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import org.bookingplatform.platform.logging.RequestIds;
import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request an {@code X-Request-Id} (the client's own if it is sane, else a new one),
 * echoed in the response, forwarded to the service and put into the logging context, so that one
 * id follows the request through every service's logs. The trace context is OpenTelemetry's: the
 * gateway's server span continues a client's valid {@code traceparent} (or starts a trace), and
 * the proxied request carries the gateway's span as its parent (docs/decisions/0030).
 */
public final class RequestCorrelation implements Handler<RoutingContext> {

    public static final String REQUEST_ID = RequestIds.HEADER;

    @Override
    public void handle(RoutingContext rc) {
        MultiMap headers = rc.request().headers();
        String requestId = headers.get(REQUEST_ID);
        if (!RequestIds.isSane(requestId)) {
            requestId = newRequestId();
            headers.set(REQUEST_ID, requestId);
        }
        rc.response().putHeader(REQUEST_ID, requestId);
        MDC.put(RequestIds.MDC_KEY, requestId);
        rc.next();
    }

    /** A version 4 UUID from a non-blocking source: request ids need uniqueness, not secrecy. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }
}
