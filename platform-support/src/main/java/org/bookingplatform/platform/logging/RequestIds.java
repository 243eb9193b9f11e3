package org.bookingplatform.platform.logging;

import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The {@code X-Request-Id} the gateway gives every request, in the logging context ({@code
 * requestId} in the MDC) of everything the request logs, beside the trace and span ids that
 * OpenTelemetry puts there. Quarkus keeps the MDC on the request's Vert.x context, so it follows
 * the request across threads and callbacks.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final int MAX_LENGTH = 128;

    /** Puts a sane request id into the MDC; anything else (a forged log line, a huge value) is left out. */
    @ServerRequestFilter(preMatching = true)
    public void intoLoggingContext(ContainerRequestContext request) {
        String id = request.getHeaderString(HEADER);
        if (isSane(id)) {
            MDC.put(MDC_KEY, id);
        }
    }

    /** 1 to 128 characters of [A-Za-z0-9._-]: safe in logs and headers, long enough for any id scheme. */
    public static boolean isSane(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
