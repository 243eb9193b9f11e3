package org.bookingplatform.payment.service;

import org.bookingplatform.payment.Payment;

/** How a payment request ends, for the resource to turn into an HTTP answer. */
public sealed interface PaymentAnswer {

    /** The provider answered this request: the payment is AUTHORIZED or DECLINED (201). */
    record Charged(Payment payment) implements PaymentAnswer {
    }

    /** A retry while the payment created under the key is still PENDING (202). */
    record Pending(Payment payment) implements PaymentAnswer {
    }

    /** A retry after the outcome was known: the first answer, as stored. */
    record Replayed(int status, String body) implements PaymentAnswer {
    }
}
