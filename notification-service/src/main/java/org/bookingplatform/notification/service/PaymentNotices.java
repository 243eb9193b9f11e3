package org.bookingplatform.notification.service;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.platform.messaging.IncomingEvent;

/** What a customer is told about their payments: a declined payment and an issued refund. */
@ApplicationScoped
public class PaymentNotices {

    private final Notifier notifier;

    public PaymentNotices(Notifier notifier) {
        this.notifier = notifier;
    }

    /** Tells the paying customer of the event, in the consumer's transaction; other types are ignored. */
    public Uni<Void> record(IncomingEvent event) {
        return CustomerEvent.notice(event).map(notifier::tell).orElseGet(() -> Uni.createFrom().voidItem());
    }
}
