package org.bookingplatform.booking.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.BookingLifecycle.InventoryChange;
import org.bookingplatform.booking.Listing;
import org.bookingplatform.platform.idempotency.SqlIdempotencyKeys;
import org.bookingplatform.platform.messaging.Outbox;
import org.bookingplatform.platform.messaging.OutgoingEvent;
import org.bookingplatform.platform.sql.OrdinalSql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
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
    private static final String INSERT_BOOKING = """
            INSERT INTO booking (id, listing_id, customer_id, slot_start, slot_end, quantity, total_amount, currency,
                                 status, hold_expires_at, version, created_at, updated_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)""";
    /**
     * The slots, the booking, its event and the key's answer in one statement: one round trip and
     * one protocol exchange for PostgreSQL instead of four (each written once: the slot statement
     * is the one the rest of the service runs, the outbox and key statements are the shared
     * modules'). Every part runs whatever the slot count; a short count is the caller's to roll back.
     */
    private static final String HOLD = OrdinalSql.forSqlClient(OrdinalSql.together("SELECT count(*) FROM taken",
            new OrdinalSql.Part("taken", SlotInventoryRepository.CHANGE_SLOTS + "\nRETURNING 1"),
            new OrdinalSql.Part("new_booking", INSERT_BOOKING),
            new OrdinalSql.Part("requested", Outbox.INSERT),
            new OrdinalSql.Part("answer", SqlIdempotencyKeys.COMPLETION)));

    /** The listing with what a hold needs of it (status, slot grid, price), or null when there is none. */
    public Uni<Listing> listingTerms(SqlConnection connection, UUID listingId) {
        return connection.preparedQuery(LISTING_TERMS).execute(Tuple.of(listingId))
                .map(rows -> rows.rowCount() == 0 ? null : terms(listingId, rows.iterator().next()));
    }

    /**
     * Takes {@code booking.quantity} units of every slot of the booking's period where they are
     * free, inserts the booking, appends {@code requested} to the outbox and stores the key's
     * answer ({@code answer}: {@link SqlIdempotencyKeys#completionParameters}); returns how many
     * slots it took units from.
     */
    public Uni<Integer> hold(SqlConnection connection, Booking booking, OutgoingEvent requested, List<Object> answer) {
        InventoryChange hold = InventoryChange.HOLD;
        List<Object> parameters = new ArrayList<>(30);
        parameters.addAll(List.of(booking.listingId, utc(booking.slotStart), utc(booking.slotEnd),
                hold.held * booking.quantity, hold.booked * booking.quantity));
        parameters.addAll(List.of(booking.id, booking.listingId, booking.customerId, utc(booking.slotStart),
                utc(booking.slotEnd), booking.quantity, booking.totalAmount, booking.currency, booking.status.name(),
                utc(booking.holdExpiresAt), booking.version, utc(booking.createdAt), utc(booking.updatedAt)));
        parameters.addAll(Outbox.insertParameters(requested));
        parameters.addAll(answer);
        return connection.preparedQuery(HOLD).execute(Tuple.from(parameters))
                .map(rows -> rows.iterator().next().getLong(0).intValue());
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
