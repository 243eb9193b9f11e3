package org.bookingplatform.booking;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** The arithmetic bound a hold checks before building slots never exceeds the slots really there. */
class SlotGridPropertiesTest {

    private static final Instant BASE = Instant.parse("2027-01-01T00:00:00Z");

    @Property(tries = 300)
    void fewestStartsNeverExceedsTheStartsListed(@ForAll("zones") String zone, @ForAll("slotLengths") int slotMinutes,
                                                 @ForAll @LongRange(min = 0, max = 400 * 24 * 60) long offsetMinutes,
                                                 @ForAll @IntRange(min = 1, max = 3 * 24 * 60) int lengthMinutes) {
        SlotGrid grid = new SlotGrid(ZoneId.of(zone), slotMinutes);
        Instant from = BASE.plus(offsetMinutes, ChronoUnit.MINUTES);
        Instant to = from.plus(lengthMinutes, ChronoUnit.MINUTES);

        long fewest = grid.fewestStartsIn(from, to);
        int listed = grid.startsIn(from, to).size();

        assertTrue(fewest <= listed, () -> fewest + " > " + listed + " for " + zone + "/" + slotMinutes + " " + from + ".." + to);
    }

    @Property(tries = 300)
    void aListingOfTheShortestBookableSlotSpansNoMoreThanTheLimitByTheBound(
            @ForAll @LongRange(min = 1, max = 2 * 366 * 24 * 60) long lengthMinutes, @ForAll @IntRange(min = 1, max = 400) int limit) {
        Instant to = BASE.plus(lengthMinutes, ChronoUnit.MINUTES);
        long shortest = SlotGrid.shortestSlotMinutesFor(BASE, to, limit);

        assertTrue(new SlotGrid(ZoneId.of("UTC"), 1).fewestStartsIn(BASE, to) / shortest <= limit);
        if (shortest > 1) {
            long shorter = shortest - 1;
            long minutes = lengthMinutes - 36 * 60;
            assertTrue(minutes / shorter > limit, "a slot one minute shorter would already exceed the limit");
        }
    }

    @Provide
    Arbitrary<String> zones() {
        return Arbitraries.of("UTC", "Europe/Lisbon", "America/New_York", "Australia/Lord_Howe", "Pacific/Apia", "Asia/Kathmandu");
    }

    @Provide
    Arbitrary<Integer> slotLengths() {
        return Arbitraries.of(5, 10, 15, 30, 60, 120, 360, 720, 1440);
    }
}
