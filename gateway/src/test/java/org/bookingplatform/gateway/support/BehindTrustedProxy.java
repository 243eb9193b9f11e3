package org.bookingplatform.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/**
 * The gateway behind an ingress at 127.0.0.2 (tests connect from there to play it), with a
 * token-verification bucket of {@link #VERIFICATIONS} per client address, refilled at one per 100 s.
 */
public class BehindTrustedProxy implements QuarkusTestProfile {

    public static final String INGRESS = "127.0.0.2";
    public static final int VERIFICATIONS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.trusted-proxies", INGRESS + "/32, 10.0.0.0/8",
                "gateway.token-verification-rate-limit.capacity", Integer.toString(VERIFICATIONS),
                "gateway.token-verification-rate-limit.refill-per-second", "0.01");
    }
}
