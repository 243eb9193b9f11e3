package org.bookingplatform.gateway.http;

import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * RFC 9110 §7.6.1: a proxy must not forward the fields that describe one connection: Connection
 * and every field it names, Keep-Alive, Proxy-*, TE, Trailer, Transfer-Encoding and Upgrade.
 * vertx-http-proxy drops a fixed list on requests only, and not the fields Connection names.
 */
public final class HopByHopHeaders {

    private static final Set<String> ALWAYS = Set.of("connection", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade");

    private HopByHopHeaders() {
    }

    public static void strip(MultiMap headers) {
        List<String> doomed = new ArrayList<>();
        for (String connection : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : connection.split(",")) {
                if (!token.isBlank()) {
                    doomed.add(token.trim());
                }
            }
        }
        for (String name : headers.names()) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (ALWAYS.contains(lower) || lower.startsWith("proxy-")) {
                doomed.add(name);
            }
        }
        doomed.forEach(headers::remove);
    }
}
