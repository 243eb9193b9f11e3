package org.bookingplatform.gateway.http;

import io.vertx.core.Handler;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Gives every request an {@code X-Request-Id} (the client's own if it is sane, else a new one),
 * echoed in the response, and a W3C {@code traceparent} (the client's if valid, else a new
 * sampled one), so that one id follows the request through every service's logs and traces.
 * The gateway creates no span of its own: it passes the trace context on unchanged.
 */
public final class RequestCorrelation implements Handler<RoutingContext> {

    public static final String REQUEST_ID = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    private static final int MAX_REQUEST_ID_LENGTH = 128;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    @Override
    public void handle(RoutingContext rc) {
        MultiMap headers = rc.request().headers();
        String requestId = headers.get(REQUEST_ID);
        if (!isSaneRequestId(requestId)) {
            requestId = newRequestId();
            headers.set(REQUEST_ID, requestId);
        }
        rc.response().putHeader(REQUEST_ID, requestId);
        if (!isValidTraceparent(headers.get(TRACEPARENT))) {
            headers.set(TRACEPARENT, newTraceparent());
            // tracestate belongs to the trace it came with; without a valid parent it means nothing.
            headers.remove(TRACESTATE);
        }
        rc.next();
    }

    /** 1 to 128 characters of [A-Za-z0-9._-]: safe in logs and headers, long enough for any id scheme. */
    static boolean isSaneRequestId(String id) {
        if (id == null || id.isEmpty() || id.length() > MAX_REQUEST_ID_LENGTH) {
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

    /** W3C Trace Context: version-traceid-parentid-flags, lower-case hex, ids not all zeros, version ff invalid. */
    static boolean isValidTraceparent(String value) {
        if (value == null || value.length() < 55 || value.charAt(2) != '-' || value.charAt(35) != '-' || value.charAt(52) != '-') {
            return false;
        }
        String version = value.substring(0, 2);
        if (!isHex(version) || version.equals("ff") || (version.equals("00") && value.length() != 55)
                || (value.length() > 55 && value.charAt(55) != '-')) {
            return false;
        }
        String traceId = value.substring(3, 35);
        String parentId = value.substring(36, 52);
        return isHex(traceId) && isHex(parentId) && isHex(value.substring(53, 55))
                && !isZeros(traceId) && !isZeros(parentId);
    }

    /** A version 4 UUID from a non-blocking source: request ids need uniqueness, not secrecy. */
    static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(most, least).toString();
    }

    static String newTraceparent() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        StringBuilder value = new StringBuilder(55).append("00-");
        appendHex(value, random.nextLong() | 1L);
        appendHex(value, random.nextLong());
        value.append('-');
        appendHex(value, random.nextLong() | 1L);
        return value.append("-01").toString();
    }

    private static void appendHex(StringBuilder target, long value) {
        for (int shift = 60; shift >= 0; shift -= 4) {
            target.append(HEX[(int) (value >>> shift) & 0xF]);
        }
    }

    private static boolean isHex(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isZeros(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
