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

/** Something bookable by slot: a room type by night, a tour, a table, an appointment type. */
@Entity
@Table(name = "listing")
public class Listing extends PanacheEntityBase {

    public enum Category { STAY, TOUR, TABLE, APPOINTMENT }

    public enum Status { ACTIVE, ARCHIVED }

    @Id
    public UUID id;
    public String name;
    public String description;
    @Enumerated(EnumType.STRING)
    public Category category;
    public String city;
    @Column(name = "time_zone")
    public String timeZone;
    @Column(name = "slot_minutes")
    public int slotMinutes;
    @Column(name = "unit_price_amount")
    public long unitPriceAmount;
    public String currency;
    @Enumerated(EnumType.STRING)
    public Status status;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
