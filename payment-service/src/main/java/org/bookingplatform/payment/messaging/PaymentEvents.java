package org.bookingplatform.payment.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.Payment;
import org.bookingplatform.payment.Refund;
import org.bookingplatform.platform.messaging.Outbox;
import org.bookingplatform.platform.messaging.OutgoingEvent;

/**
 * What payment-service announces on {@code payment.events}, through the outbox of the current
 * transaction. The payment is the aggregate: subject and key are the payment id, and the payment
 * row is locked by the caller, so one payment's events are appended (and published) in order.
 */
@ApplicationScoped
public class PaymentEvents {

    static final String TOPIC = "payment.events";
    static final String SOURCE = "/payment-service";
    static final String AUTHORIZED = "org.bookingplatform.payment.authorized";
    static final String DECLINED = "org.bookingplatform.payment.declined";
    static final String REFUNDED = "org.bookingplatform.payment.refunded";

    private final Outbox outbox;

    public PaymentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> authorized(Payment payment) {
        return append(AUTHORIZED, payment, new PaymentAuthorized(payment.id, payment.version, payment.updatedAt,
                payment.bookingId, payment.customerId, payment.amount, payment.currency));
    }

    public Uni<Void> declined(Payment payment) {
        return append(DECLINED, payment, new PaymentDeclined(payment.id, payment.version, payment.updatedAt,
                payment.bookingId, payment.customerId, payment.declineReason));
    }

    public Uni<Void> refunded(Payment payment, Refund refund) {
        return append(REFUNDED, payment, new PaymentRefunded(payment.id, payment.version, refund.updatedAt,
                payment.bookingId, payment.customerId, refund.id, payment.amount, payment.currency, refund.reason));
    }

    private Uni<Void> append(String type, Payment payment, Object data) {
        return outbox.append(OutgoingEvent.of(TOPIC, type, SOURCE, payment.id.toString(), data));
    }
}
