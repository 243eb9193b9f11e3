package org.bookingplatform.platform.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "platform.idempotency")
public interface IdempotencyConfig {

    /** How long a key is remembered; clients may retry with it for at least that long. */
    @WithDefault("24h")
    Duration retention();

    /** How often expired keys are deleted. */
    @WithDefault("10m")
    Duration purgeInterval();
}
