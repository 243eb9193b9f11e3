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

/**
 * What booking-service said is payable, replicated from booking.events. The amount of a payment
 * is taken from here, never from the client.
 */
@Entity
@Table(name = "payable_booking")
public class PayableBooking extends PanacheEntityBase {

    public enum Status { PAYABLE, PAID, CONFIRMED, EXPIRED, CANCELLED, REJECTED }

    @Id
    @Column(name = "booking_id")
    public UUID bookingId;
    @Column(name = "customer_id")
    public UUID customerId;
    public long amount;
    public String currency;
    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;
    @Enumerated(EnumType.STRING)
    public Status status;
    /** The version of the last booking event applied. */
    public int version;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
