package org.bookingplatform.notification.service;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/**
 * Every sentence a customer reads, in English; other languages are in
 * {@code messages/msg_<language>.properties}. Templates use them as {@code {msg:name(...)}}.
 * Values passed in are already formatted for the reader's locale.
 */
@MessageBundle(value = "msg", locale = "en")
public interface NoticeMessages {

    @Message("Hello {name},")
    String greeting(String name);

    @Message("Hello,")
    String greetingAnonymous();

    @Message("Your booking is held")
    String holdCreatedTitle();

    @Message("We hold your booking for {amount} until {expiresAt}. Pay before then to confirm it.")
    String holdCreatedBody(String amount, String expiresAt);

    @Message("Your payment was declined")
    String paymentDeclinedTitle();

    @Message("Your payment was declined: {reason}.")
    String paymentDeclinedBody(String reason);

    @Message("Your booking stays held until the hold expires. To retry, open your booking and pay again with another card or payment method; you are not charged for the declined attempt.")
    String paymentDeclinedRetry();

    @Message("Your booking is confirmed")
    String bookingConfirmedTitle();

    @Message("Your payment was received and your booking is confirmed.")
    String bookingConfirmedBody();

    @Message("Your hold expired")
    String holdExpiredTitle();

    @Message("Your hold expired before it was paid, and the places were released. You can book again if they are still free.")
    String holdExpiredBody();

    @Message("Your booking was cancelled")
    String bookingCancelledTitle();

    @Message("Your booking was cancelled.")
    String bookingCancelledBody();

    @Message("Your payment will be refunded; we will write to you when the refund is issued.")
    String bookingCancelledRefund();

    @Message("Your refund was issued")
    String refundIssuedTitle();

    @Message("We refunded {amount} to the payment method you paid with.")
    String refundIssuedBody(String amount);

    @Message("Payment refunded")
    String paymentRejectedTitle();

    @Message("Your payment arrived after the booking had ended and will be refunded.")
    String paymentRejectedBody();

    @Message("Booking {bookingId}")
    String bookingReference(String bookingId);

    @Message("From {start} to {end}")
    String period(String start, String end);

    @Message("the card has insufficient funds")
    String reasonInsufficientFunds();

    @Message("the card has expired")
    String reasonCardExpired();

    @Message("the card was declined")
    String reasonCardDeclined();

    @Message("the payment provider could not process it")
    String reasonProviderError();

    @Message("the payment was not accepted")
    String reasonOther();

    @Message("The booking was cancelled.")
    String refundBecauseCancelled();

    @Message("The payment arrived after the booking had ended.")
    String refundBecauseLate();

    @Message("Our team refunded the payment.")
    String refundByOperator();

    @Message("The Booking Platform team")
    String signature();

    @Message("You receive this e-mail because e-mail notifications are on in your profile.")
    String footer();
}
