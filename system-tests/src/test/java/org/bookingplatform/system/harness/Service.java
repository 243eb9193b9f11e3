package org.bookingplatform.system.harness;

/** The five services, in the order of their ports (gateway first: base+0). */
public enum Service {
    GATEWAY("gateway", "GATEWAY", null),
    BOOKING("booking-service", "BOOKING", "booking_service"),
    USER("user-service", "USER", "user_service"),
    PAYMENT("payment-service", "PAYMENT", "payment_service"),
    NOTIFICATION("notification-service", "NOTIFICATION", "notification_service");

    private final String name;
    private final String variablePrefix;
    private final String database;

    Service(String name, String variablePrefix, String database) {
        this.name = name;
        this.variablePrefix = variablePrefix;
        this.database = database;
    }

    /** The name ./platform and the logs use: booking-service, gateway, ... */
    public String serviceName() {
        return name;
    }

    /** The service's own database (and role); the gateway has none. */
    public String database() {
        if (database == null) {
            throw new IllegalStateException(name + " has no database");
        }
        return database;
    }

    public Part part() {
        return Part.valueOf(name());
    }

    String portVariable() {
        return variablePrefix + "_PORT";
    }

    String managementPortVariable() {
        return variablePrefix + "_MANAGEMENT_PORT";
    }

    /** BOOKING_EXTRA_ENV etc.: settings deploy/local passes to this service only. */
    String extraEnvVariable() {
        return variablePrefix + "_EXTRA_ENV";
    }
}
