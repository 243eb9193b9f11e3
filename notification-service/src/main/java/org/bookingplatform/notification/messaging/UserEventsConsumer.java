package org.bookingplatform.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.notification.service.ContactChange;
import org.bookingplatform.notification.service.Contacts;
import org.bookingplatform.platform.messaging.IncomingEvent;
import org.bookingplatform.platform.messaging.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the contact replica from user.events, once per event however often Kafka delivers it. */
@ApplicationScoped
public class UserEventsConsumer {

    static final String CONSUMER = "notification-service.user-events";

    private final Inbox inbox;
    private final Contacts contacts;

    public UserEventsConsumer(Inbox inbox, Contacts contacts) {
        this.inbox = inbox;
        this.contacts = contacts;
    }

    @Incoming("user-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.once(CONSUMER, record, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            // user.events is read with the fields it has today and those user-service may add
            // (phone, ...): unknown fields are ignored, absent optional ones are null.
            case "org.bookingplatform.user.registered", "org.bookingplatform.user.updated" ->
                    contacts.apply(event.dataAs(ContactChange.class));
            case "org.bookingplatform.user.erased" -> {
                UserErased erased = event.dataAs(UserErased.class);
                yield contacts.erase(erased.userId(), erased.occurredAt());
            }
            default -> Uni.createFrom().voidItem();
        };
    }
}
