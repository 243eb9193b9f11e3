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

    /**
     * The reasons of the payment.refunded contract. OPERATOR_REQUEST is no longer produced (operators
     * cancel the booking instead); it stays for refunds recorded before and for the contract.
     */
    public enum Reason { BOOKING_CANCELLED, BOOKING_PAYMENT_REJECTED, OPERATOR_REQUEST }

    /** PENDING until the provider has refunded: a refund is retried for as long as it takes, never given up. */
    public enum Status { PENDING, SUCCEEDED }

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
    /** Why the last attempt failed. */
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

    public void retryAt(Instant when, String failure) {
        this.failure = failure;
        attempts++;
        nextAttemptAt = when;
        updatedAt = now();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
