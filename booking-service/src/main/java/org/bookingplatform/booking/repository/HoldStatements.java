package org.bookingplatform.booking.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.BookingLifecycle.InventoryChange;
import org.bookingplatform.booking.Listing;
import org.bookingplatform.platform.sql.OrdinalSql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The statements of a hold, on the Vert.x SQL client rather than Hibernate Reactive: a hold is
 * the platform's hottest write, and the ORM's session, flush and entity bookkeeping cost several
 * times the SQL itself there. Every method runs on the caller's connection, in its transaction.
 */
@ApplicationScoped
public class HoldStatements {

    private static final String LISTING_TERMS =
            "SELECT status, time_zone, slot_minutes, unit_price_amount, currency FROM listing WHERE id = $1";
    private static final String TAKE_SLOTS = OrdinalSql.forSqlClient(SlotInventoryRepository.CHANGE_SLOTS);
    private static final String INSERT_BOOKING = """
            INSERT INTO booking (id, listing_id, customer_id, slot_start, slot_end, quantity, total_amount, currency,
                                 status, hold_expires_at, version, created_at, updated_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)""";

    /** The listing with what a hold needs of it (status, slot grid, price), or null when there is none. */
    public Uni<Listing> listingTerms(SqlConnection connection, UUID listingId) {
        return connection.preparedQuery(LISTING_TERMS).execute(Tuple.of(listingId))
                .map(rows -> rows.rowCount() == 0 ? null : terms(listingId, rows.iterator().next()));
    }

    /** Takes {@code quantity} units of every slot of [start, end) where they are free; returns how many slots it took them from. */
    public Uni<Integer> takeSlots(SqlConnection connection, UUID listingId, Instant start, Instant end, int quantity) {
        InventoryChange hold = InventoryChange.HOLD;
        return connection.preparedQuery(TAKE_SLOTS)
                .execute(Tuple.of(listingId, utc(start), utc(end), hold.held * quantity, hold.booked * quantity))
                .map(rows -> rows.rowCount());
    }

    public Uni<Void> insert(SqlConnection connection, Booking booking) {
        return connection.preparedQuery(INSERT_BOOKING).execute(Tuple.from(new Object[] {booking.id, booking.listingId,
                        booking.customerId, utc(booking.slotStart), utc(booking.slotEnd), booking.quantity, booking.totalAmount,
                        booking.currency, booking.status.name(), utc(booking.holdExpiresAt), booking.version,
                        utc(booking.createdAt), utc(booking.updatedAt)}))
                .replaceWithVoid();
    }

    private static Listing terms(UUID id, Row row) {
        Listing listing = new Listing();
        listing.id = id;
        listing.status = Listing.Status.valueOf(row.getString("status"));
        listing.timeZone = row.getString("time_zone");
        listing.slotMinutes = row.getInteger("slot_minutes");
        listing.unitPriceAmount = row.getLong("unit_price_amount");
        listing.currency = row.getString("currency");
        return listing;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
