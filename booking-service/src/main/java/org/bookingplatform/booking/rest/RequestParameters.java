package org.bookingplatform.booking.rest;

import org.bookingplatform.booking.Horizon;
import org.bookingplatform.platform.problem.ProblemException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Parses query and path parameters taken as text. A parameter declared with a type (an enum,
 * an Instant, an int) that does not convert is answered 404 by JAX-RS; taken as text here, it
 * is a 400 problem naming the parameter.
 */
final class RequestParameters {

    private RequestParameters() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(name, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }

    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Instant instant;
        try {
            instant = Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(name, "must be an ISO-8601 UTC time such as 2026-06-12T00:00:00Z");
        }
        if (!Horizon.contains(instant)) {
            throw ProblemException.badRequest(name, Horizon.BOUNDS);
        }
        return instant;
    }

    static Instant requiredInstant(String name, String value) {
        Instant instant = instant(name, value);
        if (instant == null) {
            throw ProblemException.badRequest(name, "is required");
        }
        return instant;
    }

    static int positiveInt(String name, String value, int fallback) {
        return boundedInt(name, value, fallback, Integer.MAX_VALUE);
    }

    /** A whole number in [1, max], {@code fallback} when absent. */
    static int boundedInt(String name, String value, int fallback, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= 1 && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of bounds
        }
        throw ProblemException.badRequest(name, max == Integer.MAX_VALUE
                ? "must be a whole number of at least 1" : "must be a whole number between 1 and " + max);
    }
}
