package org.bookingplatform.platform.logging;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestIdsTest {

    @Test
    void requestIdsOfSafeCharactersUpTo128AreSane() {
        assertTrue(RequestIds.isSane("a"));
        assertTrue(RequestIds.isSane("Req-1.2_3"));
        assertTrue(RequestIds.isSane("x".repeat(128)));
        assertFalse(RequestIds.isSane(null));
        assertFalse(RequestIds.isSane(""));
        assertFalse(RequestIds.isSane("x".repeat(129)));
        assertFalse(RequestIds.isSane("a b"));
        assertFalse(RequestIds.isSane("a\r\nSet-Cookie: x"));
        assertFalse(RequestIds.isSane("{\"level\":\"ERROR\"}"));
    }
}
