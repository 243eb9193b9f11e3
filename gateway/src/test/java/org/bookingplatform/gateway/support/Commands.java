package org.bookingplatform.gateway.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Tools the tests run beside the JVM (npm for the OpenAPI lint and the web client's libraries). */
public final class Commands {

    private Commands() {
    }

    /** Whether the tool can run: on the PATH, or required anyway in CI (which installs it). */
    public static boolean availableOrRequired(String command) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(dir, command))) {
                return true;
            }
        }
        return System.getenv("CI") != null;
    }
}
