package org.bookingplatform.booking.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Listing;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ListingRepository implements PanacheRepositoryBase<Listing, UUID> {

    /** Active listings, optionally narrowed to a city (case-insensitive) and a category. */
    public Uni<List<Listing>> search(String city, Listing.Category category, Page page) {
        StringBuilder query = new StringBuilder("status = :status");
        Parameters params = Parameters.with("status", Listing.Status.ACTIVE);
        if (city != null) {
            query.append(" and lower(city) = lower(:city)");
            params.and("city", city);
        }
        if (category != null) {
            query.append(" and category = :category");
            params.and("category", category);
        }
        return find(query.toString(), Sort.by("name").and("id"), params).page(page).list();
    }
}
