package org.bookingplatform.gateway.http;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class HopByHopHeadersTest {

    @Test
    void connectionTheHeadersItNamesAndTheFixedHopByHopSetAreRemoved() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-Private")
                .add("Connection", "Other-Private")
                .add("X-Private", "1")
                .add("Other-Private", "2")
                .add("Keep-Alive", "timeout=5")
                .add("TE", "trailers")
                .add("Trailer", "Expires")
                .add("Transfer-Encoding", "chunked")
                .add("Upgrade", "h2c")
                .add("Proxy-Authorization", "Basic x")
                .add("Proxy-Connection", "keep-alive")
                .add("Authorization", "Bearer t")
                .add("Content-Type", "application/json");

        HopByHopHeaders.strip(headers);

        assertEquals(2, headers.size(), headers.toString());
        assertEquals("Bearer t", headers.get("Authorization"));
        assertFalse(headers.contains("X-Private"));
    }
}
