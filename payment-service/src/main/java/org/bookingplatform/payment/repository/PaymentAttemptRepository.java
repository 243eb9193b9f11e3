package org.bookingplatform.payment.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.PaymentAttempt;

import java.util.UUID;

@ApplicationScoped
public class PaymentAttemptRepository implements PanacheRepositoryBase<PaymentAttempt, UUID> {
}
