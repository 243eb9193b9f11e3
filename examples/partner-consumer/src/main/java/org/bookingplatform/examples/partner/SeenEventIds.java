package org.bookingplatform.examples.partner;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ce_ids this run has already handled. Delivery is at least once, so the same event can
 * arrive twice (after a producer retry or a consumer restart); redeliveries come soon after the
 * original, so remembering the most recent ids is enough and keeps memory bounded. A real
 * consumer stores processed ids durably, in the same transaction as its effect.
 */
final class SeenEventIds {

    private final Map<String, Boolean> recent;

    SeenEventIds(int capacity) {
        this.recent = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is offered, false for every repeat still remembered. */
    boolean firstSighting(String eventId) {
        return recent.put(eventId, Boolean.TRUE) == null;
    }
}
