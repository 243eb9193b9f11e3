package org.bookingplatform.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** Something a person was told in the app (and, by preference, by e-mail). */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID userId;
    public UUID bookingId;
    public String kind;
    public String title;
    public String body;
    public Instant createdAt;
    public Instant readAt;
    /** The user's own running number, given by the database on insert: the live stream's event id. */
    @Column(insertable = false, updatable = false)
    public Long seq;
}
