package org.bookingplatform.payment.client;

/**
 * The provider did not answer the call (5xx, 408, 429, connection refused or dropped): it may or
 * may not have acted on it, and repeating it with the same idempotency key is safe.
 */
public class ProviderUnavailableException extends RuntimeException {

    public ProviderUnavailableException(String message) {
        super(message);
    }

    public ProviderUnavailableException(Throwable cause) {
        super("payment provider unreachable: " + cause, cause);
    }
}
