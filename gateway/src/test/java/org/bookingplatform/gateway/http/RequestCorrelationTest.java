package org.bookingplatform.gateway.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestCorrelationTest {

    @Test
    void requestIdsOfSafeCharactersUpTo128AreSane() {
        assertTrue(RequestCorrelation.isSaneRequestId("a"));
        assertTrue(RequestCorrelation.isSaneRequestId("Req-1.2_3"));
        assertTrue(RequestCorrelation.isSaneRequestId("x".repeat(128)));
        assertFalse(RequestCorrelation.isSaneRequestId(""));
        assertFalse(RequestCorrelation.isSaneRequestId("x".repeat(129)));
        assertFalse(RequestCorrelation.isSaneRequestId("a b"));
        assertFalse(RequestCorrelation.isSaneRequestId("a\r\nSet-Cookie: x"));
    }

    @Test
    void generatedIdsAreFreshAndSane() {
        String first = RequestCorrelation.newRequestId();
        assertTrue(RequestCorrelation.isSaneRequestId(first));
        assertNotEquals(first, RequestCorrelation.newRequestId());
        assertTrue(RequestCorrelation.isValidTraceparent(RequestCorrelation.newTraceparent()));
    }

    @Test
    void traceparentFollowsW3cTraceContext() {
        assertTrue(RequestCorrelation.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertTrue(RequestCorrelation.isValidTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future"));
        assertFalse(RequestCorrelation.isValidTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"));
        assertFalse(RequestCorrelation.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01"));
        assertFalse(RequestCorrelation.isValidTraceparent("ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));
        assertFalse(RequestCorrelation.isValidTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"));
        assertFalse(RequestCorrelation.isValidTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"));
    }
}
