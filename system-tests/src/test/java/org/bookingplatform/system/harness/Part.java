package org.bookingplatform.system.harness;

import java.nio.file.Path;

/** Everything the harness can stop, start, kill or pause: the names of {@code ./platform stop|start PART}. */
public enum Part {
    GATEWAY("gateway"),
    BOOKING("booking-service"),
    USER("user-service"),
    PAYMENT("payment-service"),
    NOTIFICATION("notification-service"),
    PAYMENT_SIMULATOR("payment-simulator"),
    SMTP_SINK("smtp-sink"),
    KAFKA("kafka"),
    POSTGRES("postgres"),
    KEYCLOAK("keycloak");

    private final String partName;

    Part(String partName) {
        this.partName = partName;
    }

    public String partName() {
        return partName;
    }

    /** Where deploy/local keeps this part's process id, under the platform's data folder's local/. */
    Path pidFile(Path localHome) {
        return switch (this) {
            case KAFKA -> localHome.resolve("kafka/kafka.pid");
            case KEYCLOAK -> localHome.resolve("keycloak/keycloak.pid");
            // pg_ctl's own file: the postmaster's pid on its first line.
            case POSTGRES -> localHome.resolve("postgres/data/postmaster.pid");
            default -> localHome.resolve("run/" + partName + ".pid");
        };
    }
}
