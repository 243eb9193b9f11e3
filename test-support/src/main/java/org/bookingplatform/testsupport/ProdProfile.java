package org.bookingplatform.testsupport;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A service's application.properties read as Quarkus reads it in the prod profile ({@code java -jar}),
 * with no environment at all: a secret without a default cannot be resolved, which is what stops
 * the start ("SRCFG00011: Could not expand value DB_PASSWORD in property ...").
 */
public final class ProdProfile {

    private ProdProfile() {
    }

    /** Fails unless, in the prod profile, {@code property} needs {@code variable} and names it when it is missing. */
    public static void assertNoDefault(String property, String variable) {
        NoSuchElementException missing = assertThrows(NoSuchElementException.class,
                () -> config("prod", null).getValue(property, String.class),
                property + " must have no default in the prod profile");
        assertTrue(missing.getMessage().contains(variable), () -> "the failure must name " + variable + ": " + missing.getMessage());
        assertEquals("s3cret", config("prod", variable).getValue(property, String.class),
                () -> property + " must be taken from " + variable);
    }

    /** The value outside the prod profile (tests, dev mode), where a local default is fine. */
    public static String valueIn(String profile, String property) {
        return config(profile, null).getValue(property, String.class);
    }

    private static SmallRyeConfig config(String profile, String variableSet) {
        URL properties = Thread.currentThread().getContextClassLoader().getResource("application.properties");
        if (properties == null) {
            throw new IllegalStateException("no application.properties on the classpath");
        }
        try {
            SmallRyeConfigBuilder builder = new SmallRyeConfigBuilder().withProfile(profile)
                    .withSources(new PropertiesConfigSource(properties, 100));
            if (variableSet != null) {
                builder.withSources(new PropertiesConfigSource(java.util.Map.of(variableSet, "s3cret"), "environment", 300));
            }
            return builder.build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
