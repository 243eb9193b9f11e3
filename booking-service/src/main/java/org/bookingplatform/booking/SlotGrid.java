package org.bookingplatform.booking;

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

    /** Every slot start in [from, to), ascending. */
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
