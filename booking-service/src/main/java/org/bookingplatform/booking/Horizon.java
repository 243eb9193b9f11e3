package org.bookingplatform.booking;

import java.time.Instant;

/**
 * The instants this service takes: from the Unix epoch to the end of year 9999. Java parses
 * instants up to year 1,000,000,000, but a local date-time ends at year 999,999,999 and
 * PostgreSQL's timestamptz at year 294,276: an instant beyond either failed deep inside a
 * request (a 500). Nothing bookable lies outside these bounds.
 */
public final class Horizon {

    public static final Instant EARLIEST = Instant.EPOCH;
    public static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    /** What a field outside the horizon is told; a constant, so that a constraint's message can use it. */
    public static final String BOUNDS = "must lie between 1970-01-01T00:00:00Z and 9999-12-31T00:00:00Z";

    private Horizon() {
    }

    public static boolean contains(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
