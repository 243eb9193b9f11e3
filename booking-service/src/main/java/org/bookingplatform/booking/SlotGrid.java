package org.bookingplatform.booking;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the slots of a listing start. An instant starts a slot when its wall-clock time in the
 * listing's time zone is a whole number of slot lengths after local midnight: nights start at
 * local midnight, 30-minute appointments at :00 and :30 local time. Slot lengths divide a day
 * (a CHECK on listing), so the grid is the same on every day, whichever day an inventory range
 * or a hold starts from.
 * <p>
 * Around daylight-saving changes the grid follows the wall clock: a local time skipped in spring
 * starts no slot, and one repeated in autumn starts two (one per offset).
 */
public record SlotGrid(ZoneId zone, int slotMinutes) {

    public static final int MINUTES_PER_DAY = 1440;
    /** Zone offsets lie within ±18 hours, so wall-clock time can drift from elapsed time by at most 36 hours. */
    private static final long MAX_OFFSET_SHIFT_MINUTES = 36 * 60;

    public SlotGrid {
        if (slotMinutes < 1 || MINUTES_PER_DAY % slotMinutes != 0) {
            throw new IllegalArgumentException("slot length must divide a day: " + slotMinutes);
        }
    }

    public static SlotGrid of(Listing listing) {
        return new SlotGrid(ZoneId.of(listing.timeZone), listing.slotMinutes);
    }

    public static boolean validLength(int slotMinutes) {
        return slotMinutes >= 1 && slotMinutes <= MINUTES_PER_DAY && MINUTES_PER_DAY % slotMinutes == 0;
    }

    public boolean isSlotStart(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        int minuteOfDay = local.getHour() * 60 + local.getMinute();
        return local.getSecond() == 0 && local.getNano() == 0 && minuteOfDay % slotMinutes == 0;
    }

    /**
     * A lower bound of the number of slot starts in [from, to), computed without listing them:
     * the wall clock advances as time does except for offset changes, which add up to less than
     * 36 hours between any two instants. A caller with a limit checks this before
     * {@link #startsIn}, which builds every start in memory.
     */
    public long fewestStartsIn(Instant from, Instant to) {
        long minutes = Duration.between(from, to).toMinutes() - MAX_OFFSET_SHIFT_MINUTES;
        return minutes <= 0 ? 0 : minutes / slotMinutes;
    }

    /**
     * The shortest slot length at which [from, to) may span no more than {@code maxStarts} slots
     * by {@link #fewestStartsIn}: listings of shorter slots certainly have more.
     */
    public static long shortestSlotMinutesFor(Instant from, Instant to, int maxStarts) {
        long minutes = Duration.between(from, to).toMinutes() - MAX_OFFSET_SHIFT_MINUTES;
        return minutes <= 0 ? 1 : minutes / (maxStarts + 1L) + 1;
    }

    /** Every slot start in [from, to), ascending; check {@link #fewestStartsIn} first for a long range. */
    public List<Instant> startsIn(Instant from, Instant to) {
        ZoneRules rules = zone.getRules();
        List<Instant> starts = new ArrayList<>();
        // From the day before: a slot late on the previous local day may still fall after 'from'
        // when the local day boundary moves with the offset.
        LocalDate last = LocalDate.ofInstant(to, zone);
        for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(last); day = day.plusDays(1)) {
            for (int minute = 0; minute < MINUTES_PER_DAY; minute += slotMinutes) {
                LocalDateTime local = day.atStartOfDay().plusMinutes(minute);
                for (ZoneOffset offset : rules.getValidOffsets(local)) {
                    Instant start = local.toInstant(offset);
                    if (!start.isBefore(from) && start.isBefore(to)) {
                        starts.add(start);
                    }
                }
            }
        }
        starts.sort(null);
        return starts;
    }
}
