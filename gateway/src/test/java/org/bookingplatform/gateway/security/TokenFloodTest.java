package org.bookingplatform.gateway.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.gateway.support.BehindTrustedProxy;
import org.bookingplatform.gateway.support.RawHttp;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Client addresses before verification, and X-Forwarded-For only from a trusted proxy. */
@QuarkusTest
@TestProfile(BehindTrustedProxy.class)
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class TokenFloodTest {

    private static final String DIRECT_PEER = "127.0.0.1";

    @Inject
    MeterRegistry meters;

    @Test
    void aFloodOfInvalidTokensFromOneAddressIs429BeforeTheTokensCostAVerification() throws IOException {
        double verifiedBefore = verifications();
        List<Integer> statuses = new ArrayList<>();
        RawHttp.Response last = null;
        for (int i = 0; i < 8; i++) {
            last = get(BehindTrustedProxy.INGRESS, "/api/v1/bookings/flood", "203.0.113.10",
                    TestTokens.signedByStranger(UUID.randomUUID()));
            statuses.add(last.status());
        }
        assertThat(statuses, contains(401, 401, 401, 429, 429, 429, 429, 429));
        assertThat(Integer.parseInt(last.header("Retry-After")), greaterThan(0));
        assertThat(last.header("Content-Type"), is("application/problem+json"));
        assertEquals(BehindTrustedProxy.VERIFICATIONS, verifications() - verifiedBefore, 0.0);

        // Another client behind the same ingress still has its verifications.
        assertEquals(200, get(BehindTrustedProxy.INGRESS, "/api/v1/bookings/flood", "203.0.113.11",
                TestTokens.customer(UUID.randomUUID())).status());
    }

    @Test
    void clientsForwardedByATrustedProxyHaveBucketsOfTheirOwn() throws IOException {
        for (int i = 0; i < Backends.LIMITED_CAPACITY; i++) {
            assertEquals(200, get(BehindTrustedProxy.INGRESS, "/api/v1/limited/open/a", "198.51.100.1", null).status());
        }
        assertEquals(429, get(BehindTrustedProxy.INGRESS, "/api/v1/limited/open/a", "198.51.100.1", null).status());
        // The client cannot pick a fresh bucket by writing an address of its own to the left.
        assertEquals(429, get(BehindTrustedProxy.INGRESS, "/api/v1/limited/open/a", "192.0.2.99, 198.51.100.1", null).status());
        // Nor by hiding behind the ingress's own hops.
        assertEquals(429, get(BehindTrustedProxy.INGRESS, "/api/v1/limited/open/a", "198.51.100.1, 10.0.0.7", null).status());

        assertEquals(200, get(BehindTrustedProxy.INGRESS, "/api/v1/limited/open/a", "198.51.100.2", null).status());
    }

    @Test
    void forwardedForFromAnUntrustedPeerIsIgnored() throws IOException {
        for (int i = 0; i < Backends.LIMITED_CAPACITY; i++) {
            assertEquals(200, get(DIRECT_PEER, "/api/v1/limited/open/b", "198.51.100.3" + i, null).status());
        }
        assertEquals(429, get(DIRECT_PEER, "/api/v1/limited/open/b", "198.51.100.40", null).status());
    }

    private double verifications() {
        return meters.counter("gateway.token.verifications").count();
    }

    private static RawHttp.Response get(String from, String path, String forwardedFor, String token) throws IOException {
        return RawHttp.sendFrom(from, "GET " + path + " HTTP/1.1\r\n"
                + "Host: gateway.test\r\n"
                + "X-Forwarded-For: " + forwardedFor + "\r\n"
                + (token == null ? "" : "Authorization: Bearer " + token + "\r\n")
                + "Connection: close\r\n\r\n");
    }
}
