package org.bookingplatform.user.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.platform.messaging.Outbox;
import org.bookingplatform.platform.messaging.OutgoingEvent;
import org.bookingplatform.user.UserProfile;

/** What user-service announces on {@code user.events}, through the outbox of the current transaction. */
@ApplicationScoped
public class UserEvents {

    static final String TOPIC = "user.events";
    static final String SOURCE = "/user-service";

    private final Outbox outbox;

    public UserEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> registered(UserProfile profile) {
        OutgoingEvent event = OutgoingEvent.of(TOPIC, "org.bookingplatform.user.registered", SOURCE, profile.id.toString(),
                new UserRegistered(profile.id, profile.version, profile.createdAt, profile.email, profile.displayName, profile.locale));
        return outbox.append(event);
    }
}
