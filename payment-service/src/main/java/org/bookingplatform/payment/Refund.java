package org.bookingplatform.payment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The full refund of an authorized payment: recorded PENDING in the transaction that asks for
 * it, performed with the provider afterwards by {@code PendingRefunds}.
 */
@Entity
@Table(name = "refund")
public class Refund extends PanacheEntityBase {

    /** The reasons of the payment.refunded contract. */
    public enum Reason { BOOKING_CANCELLED, BOOKING_PAYMENT_REJECTED, OPERATOR_REQUEST }

    public enum Status { PENDING, SUCCEEDED, FAILED }

    @Id
    public UUID id;
    @Column(name = "payment_id")
    public UUID paymentId;
    @Enumerated(EnumType.STRING)
    public Reason reason;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "provider_reference")
    public String providerReference;
    public String failure;
    public int attempts;
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public void succeeded(String providerReference) {
        this.status = Status.SUCCEEDED;
        this.providerReference = providerReference;
        this.updatedAt = now();
    }

    public void failed(String failure) {
        this.status = Status.FAILED;
        this.failure = failure;
        this.updatedAt = now();
    }

    public void retryAt(Instant when) {
        attempts++;
        nextAttemptAt = when;
        updatedAt = now();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
