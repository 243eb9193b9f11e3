package org.bookingplatform.booking.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Listing;
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
     * {@link org.bookingplatform.booking.SlotGrid} does), so a slot never opened counts as full.
     */
    public Uni<List<Listing>> search(ListingSearch search, PageRequest page) {
        StringBuilder sql = new StringBuilder("SELECT listing.* FROM listing WHERE status = 'ACTIVE'");
        Map<String, Object> params = new LinkedHashMap<>();
        if (search.city() != null) {
            sql.append(" AND lower(city) = lower(:city)");
            params.put("city", search.city());
        }
        if (search.category() != null) {
            sql.append(" AND category = :category");
            params.put("category", search.category().name());
        }
        if (search.from() != null) {
            sql.append("""
                     AND (SELECT count(*) FROM slot_inventory AS slot
                          WHERE slot.listing_id = listing.id AND slot.slot_start >= :from AND slot.slot_start < :to
                            AND slot.capacity - slot.held - slot.booked >= :quantity)
                       = (SELECT count(DISTINCT grid.local AT TIME ZONE listing.time_zone)
                          FROM generate_series(date_trunc('day', :from AT TIME ZONE listing.time_zone),
                                               :to AT TIME ZONE listing.time_zone,
                                               make_interval(mins => listing.slot_minutes)) AS grid(local)
                          WHERE grid.local AT TIME ZONE listing.time_zone >= :from
                            AND grid.local AT TIME ZONE listing.time_zone < :to)""");
            params.put("from", search.from());
            params.put("to", search.to());
            params.put("quantity", search.quantity());
        }
        sql.append(" ORDER BY name, id LIMIT :limit OFFSET :offset");
        params.put("limit", page.size());
        params.put("offset", (long) page.page() * page.size());
        return Panache.getSession().chain(session -> {
            Mutiny.SelectionQuery<Listing> query = session.createNativeQuery(sql.toString(), Listing.class);
            params.forEach(query::setParameter);
            return query.getResultList();
        });
    }
}
