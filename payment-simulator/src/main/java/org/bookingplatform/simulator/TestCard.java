package org.bookingplatform.simulator;

import java.util.Arrays;

/** The payment methods the simulator accepts, each with a fixed outcome, as card processors' test cards have. */
public enum TestCard {
    VISA("pm_card_visa", null),
    MASTERCARD("pm_card_mastercard", null),
    INSUFFICIENT_FUNDS("pm_card_insufficient_funds", DeclineCode.INSUFFICIENT_FUNDS),
    EXPIRED("pm_card_expired", DeclineCode.EXPIRED_CARD),
    DECLINED("pm_card_declined", DeclineCode.CARD_DECLINED);

    private final String paymentMethod;
    private final DeclineCode declineCode;

    TestCard(String paymentMethod, DeclineCode declineCode) {
        this.paymentMethod = paymentMethod;
        this.declineCode = declineCode;
    }

    public static TestCard forPaymentMethod(String paymentMethod) {
        return Arrays.stream(values())
                .filter(card -> card.paymentMethod.equals(paymentMethod))
                .findFirst()
                .orElseThrow(() -> ProblemException.invalidPaymentMethod(paymentMethod));
    }

    public PaymentStatus status() {
        return declineCode == null ? PaymentStatus.SUCCEEDED : PaymentStatus.DECLINED;
    }

    /** Null when the card is approved. */
    public DeclineCode declineCode() {
        return declineCode;
    }
}
