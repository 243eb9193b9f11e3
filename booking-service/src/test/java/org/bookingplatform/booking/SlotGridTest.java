package org.bookingplatform.booking;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SlotGridTest {

    private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

    @Test
    void nightsStartAtLocalMidnightOfTheListingsTimeZone() {
        SlotGrid nights = new SlotGrid(LISBON, 1440);
        // Lisbon is UTC+1 in June: local midnight is 23:00 UTC the day before.
        assertTrue(nights.isSlotStart(Instant.parse("2026-06-11T23:00:00Z")));
        assertFalse(nights.isSlotStart(Instant.parse("2026-06-12T00:00:00Z")));
        assertEquals(List.of(Instant.parse("2026-06-11T23:00:00Z"), Instant.parse("2026-06-12T23:00:00Z")),
                nights.startsIn(Instant.parse("2026-06-11T23:00:00Z"), Instant.parse("2026-06-13T23:00:00Z")));
    }

    @Test
    void appointmentSlotsStartEveryThirtyMinutesOfTheLocalClock() {
        SlotGrid appointments = new SlotGrid(ZoneId.of("Asia/Kolkata"), 30);
        // UTC+5:30: 09:00 local is 03:30 UTC, 09:15 local is not a slot start.
        assertTrue(appointments.isSlotStart(Instant.parse("2026-06-12T03:30:00Z")));
        assertFalse(appointments.isSlotStart(Instant.parse("2026-06-12T03:45:00Z")));
        assertFalse(appointments.isSlotStart(Instant.parse("2026-06-12T03:30:01Z")));
        assertEquals(4, appointments.startsIn(Instant.parse("2026-06-12T03:30:00Z"), Instant.parse("2026-06-12T05:30:00Z")).size());
    }

    @Test
    void nightsAcrossTheSpringChangeAreOneLocalDayEach() {
        SlotGrid nights = new SlotGrid(LISBON, 1440);
        // 29 March 2026: Lisbon moves from UTC+0 to UTC+1; that night lasts 23 hours.
        List<Instant> starts = nights.startsIn(Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-03-30T23:00:00Z"));
        assertEquals(List.of(Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-03-29T00:00:00Z"),
                Instant.parse("2026-03-29T23:00:00Z")), starts);
    }

    @Test
    void theHourRepeatedInAutumnStartsTwoSlotsAndTheSkippedHourNone() {
        SlotGrid hours = new SlotGrid(ZoneId.of("Europe/Berlin"), 60);
        // 25 October 2026, 03:00 CEST -> 02:00 CET: local 02:00 happens twice.
        assertEquals(25, hours.startsIn(Instant.parse("2026-10-24T22:00:00Z"), Instant.parse("2026-10-25T23:00:00Z")).size());
        // 29 March 2026, 02:00 CET -> 03:00 CEST: local 02:00 never happens.
        assertEquals(23, hours.startsIn(Instant.parse("2026-03-28T23:00:00Z"), Instant.parse("2026-03-29T22:00:00Z")).size());
    }

    @Test
    void slotLengthsMustDivideADay() {
        assertTrue(SlotGrid.validLength(45));
        assertFalse(SlotGrid.validLength(50));
        assertFalse(SlotGrid.validLength(2880));
        assertThrows(IllegalArgumentException.class, () -> new SlotGrid(LISBON, 50));
    }
}
