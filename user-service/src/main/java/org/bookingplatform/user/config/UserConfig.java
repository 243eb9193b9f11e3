package org.bookingplatform.user.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.List;

@ConfigMapping(prefix = "users")
public interface UserConfig {

    /** The languages the platform speaks (BCP 47 tags): a profile's locale must be one of them. */
    @WithDefault("en,de,pt,fr,es")
    List<String> supportedLocales();
}
