package org.bookingplatform.payment.client;

import org.bookingplatform.payment.Payment.DeclineReason;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/** What one guarded call to the provider taught us about a charge. */
public sealed interface ChargeOutcome {

    record Authorized(String providerReference) implements ChargeOutcome {
    }

    record Declined(DeclineReason reason, String providerReference) implements ChargeOutcome {
    }

    /** No answer (provider unavailable, timed out, breaker open, or the call refused): the payment stays pending. */
    record Unanswered(String detail) implements ChargeOutcome {
    }

    static ChargeOutcome unanswered(Throwable failure) {
        return new Unanswered(describe(failure));
    }

    static String describe(Throwable failure) {
        if (failure instanceof CircuitBreakerOpenException) {
            return "circuit breaker open: the provider failed too often recently";
        }
        if (failure instanceof TimeoutException) {
            return "no answer within the timeout";
        }
        if (failure instanceof BulkheadException) {
            return "too many provider calls in progress";
        }
        return failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    }
}
