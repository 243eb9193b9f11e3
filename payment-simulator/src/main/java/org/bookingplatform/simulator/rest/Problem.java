package org.bookingplatform.simulator.rest;

import org.bookingplatform.simulator.ProblemException;

/** RFC 9457 problem details. */
public record Problem(String type, String title, int status, String detail) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(ProblemException e) {
        return new Problem(e.type(), e.title(), e.status(), e.getMessage());
    }
}
