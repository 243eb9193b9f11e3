package org.bookingplatform.notification.rest;

import org.bookingplatform.platform.problem.ProblemException;

import java.util.UUID;

/** Request values parsed by hand, so that a malformed one is a 400 naming its field rather than a generic 404. */
final class QueryValues {

    private QueryValues() {
    }

    static UUID uuid(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "must be a UUID");
        }
    }

    static Boolean bool(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw ProblemException.badRequest(field, "must be true or false");
        };
    }
}
