package org.bookingplatform.simulator;

import java.util.Currency;

/** The body of POST /v1/payments; two requests under one idempotency key must be equal to be a replay. */
public record PaymentRequest(Long amount, String currency, String paymentMethod, String reference) {

    private static final int MAX_REFERENCE_LENGTH = 255;

    /** Answers 400 for anything a processor would refuse before looking at the card. */
    public static PaymentRequest validated(PaymentRequest body) {
        if (body == null) {
            throw ProblemException.invalidRequest("A JSON body {amount, currency, paymentMethod, reference} is required");
        }
        if (body.amount == null || body.amount <= 0) {
            throw ProblemException.invalidRequest("amount must be a positive integer in minor units");
        }
        if (!isIsoCurrency(body.currency)) {
            throw ProblemException.invalidRequest("currency must be an ISO-4217 code in upper case, such as EUR");
        }
        if (body.paymentMethod == null || body.paymentMethod.isBlank()) {
            throw ProblemException.invalidRequest("paymentMethod is required");
        }
        if (body.reference == null || body.reference.isBlank() || body.reference.length() > MAX_REFERENCE_LENGTH) {
            throw ProblemException.invalidRequest("reference is required, at most " + MAX_REFERENCE_LENGTH + " characters");
        }
        return body;
    }

    private static boolean isIsoCurrency(String code) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return false;
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknownCode) {
            return false;
        }
    }
}
