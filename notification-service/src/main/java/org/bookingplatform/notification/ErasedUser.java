package org.bookingplatform.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A user whose personal data was erased: nobody is ever notified under this id again. */
@Entity
@Table(name = "erased_user")
public class ErasedUser extends PanacheEntityBase {

    @Id
    public UUID userId;
    public Instant erasedAt;
}
