package org.bookingplatform.bench.load;

import java.util.Arrays;
import java.util.List;

/** The simulations' settings, from the environment that bench/load/run.sh sets. */
final class Settings {

    private Settings() {
    }

    static String text(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set (bench/load/run.sh sets it)");
        }
        return value;
    }

    static int number(String name) {
        return Integer.parseInt(text(name));
    }

    static double decimal(String name) {
        return Double.parseDouble(text(name));
    }

    static List<String> words(String name) {
        return Arrays.asList(text(name).trim().split("\\s+"));
    }
}
