package org.bookingplatform.simulator;

/** An error answered as application/problem+json; {@code type} lets clients tell apart problems sharing a status. */
public class ProblemException extends RuntimeException {

    private static final String TYPE_PREFIX = "urn:bookingplatform:payment-simulator:";

    private final int status;
    private final String type;
    private final String title;

    private ProblemException(int status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = TYPE_PREFIX + slug;
        this.title = title;
    }

    public static ProblemException invalidRequest(String detail) {
        return new ProblemException(400, "invalid-request", "Invalid request", detail);
    }

    public static ProblemException missingIdempotencyKey() {
        return new ProblemException(400, "missing-idempotency-key", "Idempotency-Key header required",
                "Send an Idempotency-Key header (1 to 255 characters) so that a retry cannot charge twice");
    }

    public static ProblemException invalidPaymentMethod(String paymentMethod) {
        return new ProblemException(400, "invalid-payment-method", "Invalid payment method",
                "Unknown payment method '" + paymentMethod + "'; use pm_card_visa, pm_card_mastercard,"
                        + " pm_card_insufficient_funds, pm_card_expired or pm_card_declined");
    }

    public static ProblemException idempotencyKeyReused(String idempotencyKey) {
        return new ProblemException(409, "idempotency-key-reused", "Idempotency key reused",
                "Idempotency-Key '" + idempotencyKey + "' was already used with a different request");
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(404, "not-found", "Not found", detail);
    }

    public static ProblemException refundNotAllowed(String detail) {
        return new ProblemException(409, "refund-not-allowed", "Refund not allowed", detail);
    }

    public static ProblemException injectedError() {
        return new ProblemException(500, "injected-error", "Injected provider error",
                "Fault injection answered 500; the operation may or may not have happened");
    }

    public static ProblemException injectedTimeout(long heldMs) {
        return new ProblemException(504, "injected-timeout", "Injected provider timeout",
                "Fault injection held the request for " + heldMs + " ms; the operation may or may not have happened");
    }

    public static ProblemException providerDown() {
        return new ProblemException(503, "provider-down", "Provider unavailable",
                "The payment provider is down (fault injection); retry later");
    }

    public static ProblemException internalError() {
        return new ProblemException(500, "internal-error", "Internal error", "The simulator failed unexpectedly; see its log");
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
