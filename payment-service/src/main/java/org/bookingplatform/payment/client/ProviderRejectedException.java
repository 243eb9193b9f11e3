package org.bookingplatform.payment.client;

/**
 * The provider refused the call for good (a 4xx other than a decline): repeating it would get the
 * same answer, so it is neither retried nor counted against the provider's health.
 */
public class ProviderRejectedException extends RuntimeException {

    public ProviderRejectedException(int status, String body) {
        super("payment provider refused the call with " + status + ": " + body);
    }
}
