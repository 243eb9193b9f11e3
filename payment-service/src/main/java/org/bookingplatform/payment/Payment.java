package org.bookingplatform.payment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One attempt to pay a booking through the provider, and its outcome. */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    public enum Status { PENDING, AUTHORIZED, DECLINED, REFUNDED }

    @Id
    public UUID id;
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "customer_id")
    public UUID customerId;
    public long amount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "decline_reason")
    public String declineReason;
    @Column(name = "provider_reference")
    public String providerReference;
    public int version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
