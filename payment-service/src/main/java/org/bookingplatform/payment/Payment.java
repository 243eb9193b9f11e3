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
 * One attempt to pay a booking through the provider, and its outcome. A payment is PENDING
 * from the moment it is recorded until the provider's answer is known; it is charged under the
 * provider idempotency key {@link #providerKey()}, so any number of resends charges at most once.
 */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    public enum Status { PENDING, AUTHORIZED, DECLINED, REFUNDED }

    /** The reasons of the payment.declined contract. */
    public enum DeclineReason { INSUFFICIENT_FUNDS, CARD_EXPIRED, CARD_DECLINED, PROVIDER_ERROR }

    @Id
    public UUID id;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "customer_id")
    public UUID customerId;
    public long amount;
    public String currency;
    @Column(name = "payment_method")
    public String paymentMethod;
    /** The client's Idempotency-Key of the request that created the payment. */
    @Column(name = "idempotency_key")
    public String idempotencyKey;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Enumerated(EnumType.STRING)
    @Column(name = "decline_reason")
    public DeclineReason declineReason;
    @Column(name = "provider_reference")
    public String providerReference;
    /** How many calls to the provider failed without an answer. */
    public int attempts;
    /** When the recovery job may next look at a PENDING payment. */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;
    /** When the safety net reported the payment as authorized but neither confirmed nor rejected by its booking. */
    @Column(name = "unconfirmed_reported_at")
    public Instant unconfirmedReportedAt;
    /** The number of events published about this payment, and so the version of the latest one. */
    public int version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Payment pending(UUID bookingId, UUID customerId, long amount, String currency, String paymentMethod,
                                  String idempotencyKey, Instant firstRecoveryAt) {
        Payment payment = new Payment();
        payment.id = UUID.randomUUID();
        payment.bookingId = bookingId;
        payment.customerId = customerId;
        payment.amount = amount;
        payment.currency = currency;
        payment.paymentMethod = paymentMethod;
        payment.idempotencyKey = idempotencyKey;
        payment.status = Status.PENDING;
        payment.nextAttemptAt = firstRecoveryAt;
        payment.createdAt = now();
        payment.updatedAt = payment.createdAt;
        return payment;
    }

    /** The provider's idempotency key of the charge: derived from our id, so every resend is the same charge. */
    public String providerKey() {
        return "pay-" + id;
    }

    /** The provider's idempotency key of the refund: one refund per payment, whoever asks and however often. */
    public String refundKey() {
        return "refund-" + id;
    }

    public void authorize(String providerReference) {
        settle(Status.AUTHORIZED);
        this.providerReference = providerReference;
    }

    public void decline(DeclineReason reason, String providerReference) {
        settle(Status.DECLINED);
        this.declineReason = reason;
        this.providerReference = providerReference;
    }

    public void refunded() {
        status = Status.REFUNDED;
        version++;
        updatedAt = now();
    }

    public void reportedUnconfirmed() {
        unconfirmedReportedAt = now();
    }

    public void retryAt(Instant when) {
        attempts++;
        nextAttemptAt = when;
        updatedAt = now();
    }

    private void settle(Status outcome) {
        status = outcome;
        nextAttemptAt = null;
        version++;
        updatedAt = now();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
