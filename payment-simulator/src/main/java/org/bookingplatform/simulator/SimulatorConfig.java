package org.bookingplatform.simulator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "simulator")
public interface SimulatorConfig {

    /** How long an injected timeout holds the request, unless PUT /admin/faults says otherwise. */
    @WithDefault("10000")
    long timeoutMs();
}
