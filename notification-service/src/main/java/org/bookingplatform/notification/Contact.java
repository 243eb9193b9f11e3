package org.bookingplatform.notification;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.vertx.core.json.JsonObject;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.bookingplatform.notification.service.NoticeKind;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

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
    /** Whether the user wants any e-mail at all. */
    public boolean emailNotifications;
    /**
     * The per-kind switches as the event carried them (JSON text of emailPreferences, stored as
     * jsonb), or null when it carried none. Kept a String: Hibernate passes it through unchanged.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    public String emailPreferences;
    public long version;
    public Instant updatedAt;

    /** Only an explicit false switches a kind off: no switches, or none for the kind, leave the boolean to decide. */
    public boolean wantsEmail(NoticeKind kind) {
        return emailNotifications && (emailPreferences == null
                || !Boolean.FALSE.equals(new JsonObject(emailPreferences).getValue(kind.preference())));
    }
}
