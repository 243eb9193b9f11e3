package org.bookingplatform.examples.partner;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeenEventIdsTest {

    @Test
    void anIdIsNewOnlyTheFirstTime() {
        SeenEventIds seen = new SeenEventIds(10);

        assertTrue(seen.firstSighting("a"));
        assertFalse(seen.firstSighting("a"));
        assertTrue(seen.firstSighting("b"));
    }

    @Test
    void theOldestIdsAreForgottenBeyondTheCapacity() {
        SeenEventIds seen = new SeenEventIds(2);
        seen.firstSighting("a");
        seen.firstSighting("b");
        seen.firstSighting("c");

        assertFalse(seen.firstSighting("c"));
        assertTrue(seen.firstSighting("a"));
    }
}
