package org.bookingplatform.user.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.platform.messaging.Outbox;
import org.bookingplatform.platform.messaging.OutgoingEvent;
import org.bookingplatform.user.UserProfile;

/**
 * What user-service announces on {@code user.events}, through the outbox of the current
 * transaction. The relay deletes each outbox row once Kafka has acknowledged it, so the personal
 * data in registered/updated events stays in user-service's tables only until it is sent.
 */
@ApplicationScoped
public class UserEvents {

    static final String TOPIC = "user.events";
    static final String SOURCE = "/user-service";
    static final String TYPE_PREFIX = "org.bookingplatform.user.";

    private final Outbox outbox;

    public UserEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> registered(UserProfile profile) {
        return append(profile, "registered", new UserRegistered(profile.id, profile.version, profile.updatedAt,
                profile.email, profile.displayName, profile.locale, profile.phone));
    }

    public Uni<Void> updated(UserProfile profile) {
        return append(profile, "updated", new UserUpdated(profile.id, profile.version, profile.updatedAt, profile.email,
                profile.displayName, profile.locale, profile.phone, profile.emailPreferences().any(), profile.emailPreferences()));
    }

    public Uni<Void> erased(UserProfile profile) {
        return append(profile, "erased", new UserErased(profile.id, profile.version, profile.erasedAt));
    }

    private Uni<Void> append(UserProfile profile, String type, Object data) {
        return outbox.append(OutgoingEvent.of(TOPIC, TYPE_PREFIX + type, SOURCE, profile.id.toString(), data));
    }
}
