package org.bookingplatform.user;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A person's profile and notification preferences; the id is their Keycloak user id. */
@Entity
@Table(name = "user_profile")
public class UserProfile extends PanacheEntityBase {

    @Id
    public UUID id;
    public String email;
    @Column(name = "display_name")
    public String displayName;
    public String locale;
    @Column(name = "email_notifications")
    public boolean emailNotifications;
    public int version;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
