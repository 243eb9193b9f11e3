package org.bookingplatform.system.security;

/** The callers of the security matrix, in the order of its columns. */
enum Caller {
    /** No Authorization header. */
    ANONYMOUS("anonymous"),
    /** A signed-up customer who owns the resources in the paths. */
    CUSTOMER("customer"),
    /** Another signed-up customer: someone else's booking, payment, notification. */
    OTHER_CUSTOMER("other"),
    /** olivia of the realm: operator (and, as every user, customer). */
    OPERATOR("operator"),
    /** partner-demo's client-credentials token: role partner. */
    PARTNER("partner"),
    /** user-service's client-credentials token: of this realm, but without the booking-platform audience. */
    FOREIGN_CLIENT("foreign");

    private final String column;

    Caller(String column) {
        this.column = column;
    }

    String column() {
        return column;
    }
}
