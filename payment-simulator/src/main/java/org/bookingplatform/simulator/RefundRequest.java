package org.bookingplatform.simulator;

/** The body of POST /v1/payments/{id}/refunds; a null amount refunds whatever is left. */
public record RefundRequest(Long amount) {

    public static final RefundRequest REMAINING = new RefundRequest(null);

    public static RefundRequest validated(RefundRequest body) {
        if (body == null) {
            return REMAINING;
        }
        if (body.amount != null && body.amount <= 0) {
            throw ProblemException.invalidRequest("amount must be a positive integer in minor units, or absent for a full refund");
        }
        return body;
    }
}
