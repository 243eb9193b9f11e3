package org.bookingplatform.booking;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A customer's booking of {@code quantity} units of a listing for the slots in [slotStart, slotEnd). */
@Entity
@Table(name = "booking")
public class Booking extends PanacheEntityBase {

    public enum Status { PENDING_PAYMENT, CONFIRMED, EXPIRED, CANCELLED }

    @Id
    public UUID id;
    @Column(name = "listing_id")
    public UUID listingId;
    @Column(name = "customer_id")
    public UUID customerId;
    @Column(name = "slot_start")
    public Instant slotStart;
    @Column(name = "slot_end")
    public Instant slotEnd;
    public int quantity;
    @Column(name = "total_amount")
    public long totalAmount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "hold_expires_at")
    public Instant holdExpiresAt;
    @Column(name = "payment_id")
    public UUID paymentId;
    /** Position of the booking's latest event on booking.events: 1 for booking.requested, one more per event. */
    public int version;
    @Column(name = "declined_payments")
    public int declinedPayments;
    @Column(name = "last_decline_reason")
    public String lastDeclineReason;
    @Enumerated(EnumType.STRING)
    @Column(name = "cancelled_by")
    public BookingLifecycle.Actor cancelledBy;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
