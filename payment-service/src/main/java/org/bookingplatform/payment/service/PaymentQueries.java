package org.bookingplatform.payment.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.Payment;
import org.bookingplatform.payment.repository.PaymentRepository;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.problem.ProblemException;

import java.util.List;
import java.util.UUID;

/** Reads of payments; a customer sees only their own, an operator sees all. */
@ApplicationScoped
public class PaymentQueries {

    private final PaymentRepository payments;

    public PaymentQueries(PaymentRepository payments) {
        this.payments = payments;
    }

    @WithSession
    public Uni<List<Payment>> list(UUID viewer, boolean operator, UUID bookingId, PageRequest page) {
        return payments.list(operator ? null : viewer, bookingId, page.toPanache());
    }

    /** Another customer's payment is answered as missing, so its existence is not revealed. */
    @WithSession
    public Uni<Payment> get(UUID viewer, boolean operator, UUID id) {
        return payments.findById(id)
                .map(payment -> payment != null && (operator || payment.customerId.equals(viewer)) ? payment : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No payment " + id + "."));
    }
}
