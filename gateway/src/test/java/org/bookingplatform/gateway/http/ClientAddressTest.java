package org.bookingplatform.gateway.http;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientAddressTest {

    private final ClientAddress behindIngress = new ClientAddress(List.of("10.0.0.0/8", " 192.168.1.5 ", "fd00::/8"));

    @Test
    void withoutTrustedProxiesTheForwardedForHeaderIsIgnored() {
        ClientAddress direct = new ClientAddress(List.of());
        assertEquals("10.1.2.3", direct.resolve("10.1.2.3", List.of("198.51.100.7")));
    }

    @Test
    void anUntrustedPeerIsTheClientWhateverItForwards() {
        assertEquals("203.0.113.9", behindIngress.resolve("203.0.113.9", List.of("198.51.100.7")));
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostUntrustedAddress() {
        assertEquals("198.51.100.7", behindIngress.resolve("10.1.2.3", List.of("198.51.100.7")));
        // What the client wrote itself (left of the address the ingress saw) is ignored.
        assertEquals("198.51.100.7", behindIngress.resolve("10.1.2.3", List.of("1.2.3.4, 198.51.100.7")));
        // Proxies in a chain, over several headers.
        assertEquals("198.51.100.7", behindIngress.resolve("10.1.2.3", List.of("6.6.6.6, 198.51.100.7", "192.168.1.5, 10.9.9.9")));
        assertEquals("2001:db8:0:0:0:0:0:1", behindIngress.resolve("fd00::1", List.of("2001:db8::1")));
    }

    @Test
    void garbageInTheHeaderStopsAtTheLastTrustedHop() {
        assertEquals("10.9.9.9", behindIngress.resolve("10.1.2.3", List.of("not-an-address, 10.9.9.9")));
        assertEquals("10.1.2.3", behindIngress.resolve("10.1.2.3", List.of("evil.example.com")));
    }

    @Test
    void aTrustedPeerWithoutTheHeaderIsTheClient() {
        assertEquals("10.1.2.3", behindIngress.resolve("10.1.2.3", List.of()));
    }

    @Test
    void aMalformedRangeIsRefusedAtStartUp() {
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("10.0.0.0/33")));
        assertThrows(IllegalArgumentException.class, () -> new ClientAddress(List.of("ingress.internal")));
    }
}
