package org.bookingplatform.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Every trace sampled and its spans handed to {@link TestSpans} at once. */
public class Traced implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.otel.traces.sampler.arg", "1", "quarkus.otel.bsp.schedule.delay", "50ms");
    }
}
