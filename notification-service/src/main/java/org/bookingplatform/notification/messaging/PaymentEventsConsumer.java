package org.bookingplatform.notification.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.notification.service.PaymentNotices;
import org.bookingplatform.platform.messaging.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Turns payment events into notifications, once per event however often Kafka delivers it. */
@ApplicationScoped
public class PaymentEventsConsumer {

    static final String CONSUMER = "notification-service.payment-events";

    private final Inbox inbox;
    private final PaymentNotices notices;

    public PaymentEventsConsumer(Inbox inbox, PaymentNotices notices) {
        this.inbox = inbox;
        this.notices = notices;
    }

    @Incoming("payment-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.once(CONSUMER, record, notices::record);
    }
}
