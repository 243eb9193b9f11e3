package org.bookingplatform.gateway.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RFC 9110 §7.6.1: a proxy must not forward the fields that describe one connection: Connection
 * and every field it names, Keep-Alive, Proxy-*, TE, Trailer, Transfer-Encoding and Upgrade.
 * vertx-http-proxy drops a fixed list on requests only, and not the fields Connection names.
 */
public final class HopByHopHeaders {

    private static final List<String> ALWAYS = List.of("connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade");
    private static final String PROXY_PREFIX = "proxy-";

    private HopByHopHeaders() {
    }

    /** Runs on every request and response: one pass over the entries, no lower-cased copies of the names. */
    public static void strip(MultiMap headers) {
        List<String> doomed = new ArrayList<>();
        for (Map.Entry<String, String> header : headers) {
            String name = header.getKey();
            if (HttpHeaders.CONNECTION.toString().equalsIgnoreCase(name)) {
                for (String token : header.getValue().split(",")) {
                    if (!token.isBlank()) {
                        doomed.add(token.trim());
                    }
                }
            }
            if (isAlwaysHopByHop(name)) {
                doomed.add(name);
            }
        }
        doomed.forEach(headers::remove);
    }

    private static boolean isAlwaysHopByHop(String name) {
        for (String hopByHop : ALWAYS) {
            if (hopByHop.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return name.regionMatches(true, 0, PROXY_PREFIX, 0, PROXY_PREFIX.length());
    }
}
