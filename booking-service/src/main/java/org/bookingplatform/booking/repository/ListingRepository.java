package org.bookingplatform.booking.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Listing;
import org.bookingplatform.booking.SlotGrid;
import org.bookingplatform.booking.service.ListingSearch;
import org.bookingplatform.platform.paging.PageRequest;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@ApplicationScoped
public class ListingRepository implements PanacheRepositoryBase<Listing, UUID> {

    /**
     * Active listings, optionally narrowed to a city (case-insensitive), a category, and free
     * capacity: at least {@code quantity} units left in every slot of [from, to). A listing
     * qualifies when the number of its slots in the range with enough units left equals the
     * number of slot starts its grid has there (counted on the local wall clock, as
     * {@link SlotGrid} does), so a slot never opened counts as full.
     * <p>
     * Every step is bounded whatever the range: only listings one booking could take for the
     * whole range are considered ({@link ListingSearch#shortestBookableSlotMinutes()}, so each count is
     * a short range scan of slot_inventory's primary key), and the grid is counted once per
     * distinct (time zone, slot length), not once per listing.
     */
    public Uni<List<Listing>> search(ListingSearch search, PageRequest page) {
        StringBuilder sql = new StringBuilder("WITH candidate AS (SELECT * FROM listing WHERE status = 'ACTIVE'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (search.city() != null) {
            sql.append(" AND lower(city) = lower(:city)");
            params.put("city", search.city());
        }
        if (search.category() != null) {
            sql.append(" AND category = :category");
            params.put("category", search.category().name());
        }
        if (search.from() == null) {
            sql.append(") SELECT candidate.* FROM candidate");
        } else {
            sql.append("""
                     AND slot_minutes >= :shortestSlot),
                    grid AS (
                        SELECT kind.time_zone, kind.slot_minutes, count(DISTINCT point.local AT TIME ZONE kind.time_zone) AS slots
                        FROM (SELECT DISTINCT time_zone, slot_minutes FROM candidate) AS kind
                        CROSS JOIN LATERAL generate_series(date_trunc('day', :from AT TIME ZONE kind.time_zone),
                                                           :to AT TIME ZONE kind.time_zone,
                                                           make_interval(mins => kind.slot_minutes)) AS point(local)
                        WHERE point.local AT TIME ZONE kind.time_zone >= :from
                          AND point.local AT TIME ZONE kind.time_zone < :to
                        GROUP BY kind.time_zone, kind.slot_minutes)
                    SELECT candidate.* FROM candidate
                    JOIN grid ON grid.time_zone = candidate.time_zone AND grid.slot_minutes = candidate.slot_minutes
                    WHERE (SELECT count(*) FROM slot_inventory AS slot
                           WHERE slot.listing_id = candidate.id AND slot.slot_start >= :from AND slot.slot_start < :to
                             AND slot.capacity - slot.held - slot.booked >= :quantity) = grid.slots""");
            params.put("shortestSlot", search.shortestBookableSlotMinutes());
            params.put("from", search.from());
            params.put("to", search.to());
            params.put("quantity", search.quantity());
        }
        sql.append(" ORDER BY name, id LIMIT :limit OFFSET :offset");
        params.put("limit", page.size());
        params.put("offset", page.offset());
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Listing> query = session.createNativeQuery(sql.toString(), Listing.class);
            params.forEach(query::setParameter);
            return query.getResultList();
        });
    }
}
