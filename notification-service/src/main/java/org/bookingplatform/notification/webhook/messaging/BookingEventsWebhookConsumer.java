package org.bookingplatform.notification.webhook.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.notification.webhook.service.WebhookFanout;
import org.bookingplatform.platform.messaging.Inbox;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Queues partner webhooks for booking events. Its own consumer group
 * ({@code notification-service-webhooks}), so that webhooks and customer notifications keep
 * their own offsets, retries and dead letters, and neither can hold up the other.
 */
@ApplicationScoped
public class BookingEventsWebhookConsumer {

    static final String CONSUMER = "notification-service.webhooks";

    private final Inbox inbox;
    private final WebhookFanout fanout;

    public BookingEventsWebhookConsumer(Inbox inbox, WebhookFanout fanout) {
        this.inbox = inbox;
        this.fanout = fanout;
    }

    @Incoming("booking-events-webhooks")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.once(CONSUMER, record, fanout::enqueue);
    }
}
