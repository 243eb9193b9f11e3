package org.bookingplatform.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** How to reach a user, as user.events last told: the replica e-mails are addressed from. */
@Entity
@Table(name = "contact")
public class Contact extends PanacheEntityBase {

    @Id
    public UUID userId;
    public String email;
    public String displayName;
    /** A BCP 47 tag such as de-CH, or null when the user chose none. */
    public String locale;
    public boolean emailNotifications;
    public long version;
    public Instant updatedAt;
}
