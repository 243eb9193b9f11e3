package org.bookingplatform.platform.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

@ConfigMapping(prefix = "platform.security.token-cache")
public interface TokenCacheConfig {

    /** How long a verified bearer token is taken as verified; 0 verifies every request. */
    @WithDefault("30s")
    Duration ttl();

    /** How many verified tokens are kept at most. */
    @WithDefault("10000")
    int maxSize();
}
