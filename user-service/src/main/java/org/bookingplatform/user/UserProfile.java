package org.bookingplatform.user;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * A person's profile and notification preferences; the id is their Keycloak user id. Column
 * names follow the fields (CamelCaseToUnderscoresNamingStrategy). An erased profile keeps only
 * its id, version and times: the id is the pseudonym other services go on using.
 */
@Entity
@Table(name = "user_profile")
public class UserProfile extends PanacheEntityBase {

    @Id
    public UUID id;
    public String email;
    public String displayName;
    public String phone;
    public String locale;
    public boolean emailHoldCreated;
    public boolean emailPaymentDeclined;
    public boolean emailConfirmed;
    public boolean emailExpired;
    public boolean emailCancelled;
    public boolean emailRefunded;
    /** Position of the profile's latest event on user.events: 1 for user.registered, one more per event. */
    public int version;
    public Instant createdAt;
    public Instant updatedAt;
    public Instant erasedAt;

    public boolean erased() {
        return erasedAt != null;
    }

    public EmailPreferences emailPreferences() {
        return new EmailPreferences(emailHoldCreated, emailPaymentDeclined, emailConfirmed, emailExpired, emailCancelled, emailRefunded);
    }

    public void emailPreferences(EmailPreferences preferences) {
        emailHoldCreated = preferences.holdCreated();
        emailPaymentDeclined = preferences.paymentDeclined();
        emailConfirmed = preferences.confirmed();
        emailExpired = preferences.expired();
        emailCancelled = preferences.cancelled();
        emailRefunded = preferences.refunded();
    }

    /** Removes every piece of personal data; what is left says only that this id was a user. */
    public void anonymize(Instant now) {
        email = null;
        displayName = null;
        phone = null;
        locale = null;
        emailPreferences(new EmailPreferences(false, false, false, false, false, false));
        erasedAt = now;
        updatedAt = now;
    }
}
