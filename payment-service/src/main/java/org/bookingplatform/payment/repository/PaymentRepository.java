package org.bookingplatform.payment.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.Payment;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PaymentRepository implements PanacheRepositoryBase<Payment, UUID> {

    /** Oldest first; {@code customerId} null means every customer's (operators). */
    public Uni<List<Payment>> list(UUID customerId, UUID bookingId, Page page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (customerId != null) {
            query.append(" and customerId = :customer");
            params.and("customer", customerId);
        }
        if (bookingId != null) {
            query.append(" and bookingId = :booking");
            params.and("booking", bookingId);
        }
        return find(query.toString(), Sort.by("createdAt").and("id"), params).page(page).list();
    }
}
