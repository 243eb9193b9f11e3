package org.bookingplatform.notification.webhook.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.webhook.repository.DeliveryRepository;
import org.bookingplatform.platform.messaging.IncomingEvent;

/**
 * Queues a booking event for every subscription to its type. Only the queueing happens in the
 * consumer: the HTTP calls are the dispatcher's, so a slow partner never holds up the topic.
 */
@ApplicationScoped
public class WebhookFanout {

    private final DeliveryRepository deliveries;

    public WebhookFanout(DeliveryRepository deliveries) {
        this.deliveries = deliveries;
    }

    /** In the consumer's transaction; types nobody may subscribe to are ignored. */
    public Uni<Void> enqueue(IncomingEvent event) {
        if (!WebhookEventTypes.ALL.contains(event.type())) {
            return Uni.createFrom().voidItem();
        }
        // Ordering key: the booking (the subject; the data's bookingId for a producer that sets none).
        String booking = event.subject() != null ? event.subject() : event.data().path("bookingId").asText();
        return deliveries.enqueueInCallerTransaction(event.id(), event.type(), booking, StructuredCloudEvent.of(event))
                .replaceWithVoid();
    }
}
