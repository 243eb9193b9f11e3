package org.bookingplatform.booking.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.booking.service.BookingSaga;
import org.bookingplatform.platform.messaging.Inbox;
import org.bookingplatform.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The saga's inbound step: payment outcomes from payment.events. The inbox row and the effect
 * commit in one transaction, so a redelivered event (the relay resends, a rebalance replays) is
 * applied exactly once; a transient failure is attempted again in place and a poison record is
 * dead-lettered (platform-messaging's Inbox). Types this service does not act on
 * (payment.refunded) are recorded in the inbox and otherwise ignored.
 */
@ApplicationScoped
public class PaymentEventsConsumer {

    static final String CONSUMER = "booking-service.payment-events";
    static final String AUTHORIZED = "org.bookingplatform.payment.authorized";
    static final String DECLINED = "org.bookingplatform.payment.declined";

    private final Inbox inbox;
    private final BookingSaga saga;

    public PaymentEventsConsumer(Inbox inbox, BookingSaga saga) {
        this.inbox = inbox;
        this.saga = saga;
    }

    @Incoming("payment-events")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.once(CONSUMER, record, this::apply);
    }

    private Uni<Void> apply(IncomingEvent event) {
        return switch (event.type()) {
            case AUTHORIZED -> saga.paymentAuthorized(event.dataAs(PaymentAuthorized.class));
            case DECLINED -> saga.paymentDeclined(event.dataAs(PaymentDeclined.class));
            default -> Uni.createFrom().voidItem();
        };
    }
}
