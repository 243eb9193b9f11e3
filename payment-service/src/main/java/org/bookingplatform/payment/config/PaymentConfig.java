package org.bookingplatform.payment.config;

import io.smallrye.config.ConfigMapping;

import java.time.Duration;

/** Settings of payment-service under {@code payment}; defaults and env overrides live in application.properties. */
@ConfigMapping(prefix = "payment")
public interface PaymentConfig {

    /** Retry-After sent with a 503 (provider unavailable, payment pending) and with a 202 (still pending). */
    Duration pendingRetryAfter();

    /** Retry-After sent when the booking's booking.requested event has not been consumed yet. */
    Duration unknownBookingRetryAfter();

    ReplicaWait replicaWait();

    Declines declines();

    Recovery recovery();

    Refunds refunds();

    Unconfirmed unconfirmed();

    /**
     * How long a payment request for a booking not yet in the replica waits for its
     * booking.requested: a client that pays right after its hold's 201 must not be refused
     * because the event is still on its way.
     */
    interface ReplicaWait {

        /** The longest wait; after it the request is refused (409 + Retry-After). */
        Duration timeout();

        /**
         * The wait ends when the replica row's commit notifies; the replica is also looked at this
         * often, the safety net for a notification missed while the listener reconnects.
         */
        Duration pollInterval();
    }

    /** Card testing: declined payments allowed in a sliding window before new payments are refused (429). */
    interface Declines {

        Duration window();

        int maxPerBooking();

        int maxPerCustomer();
    }

    /**
     * The safety net of money: an authorized payment that booking-service neither confirmed nor
     * rejected within {@link #after()} is reported for an operator (log line and metrics).
     */
    interface Unconfirmed {

        Duration after();

        String interval();

        int batchSize();
    }

    /** Background completion of payments left PENDING by an unavailable provider. */
    interface Recovery {

        /** How often the job runs ({@code @Scheduled} syntax, e.g. {@code 5s}). */
        String interval();

        /** Pending payments handled per run. */
        int batchSize();

        /**
         * How long a payment taken by a request or a recovery run is left alone by the other
         * replicas. At least twice the slowest guarded provider call (timeout times attempts plus
         * delays): a run starts a call only while half its lease is left, so two calls about one
         * payment never overlap. It is also the least time a hold must have left for a pending
         * payment to be charged again rather than only looked up.
         */
        Duration lease();

        /** The wait after the first failed call; doubled after each next one. */
        Duration backoff();

        Duration maxBackoff();
    }

    /** The worker that performs refund intents with the provider. */
    interface Refunds {

        String interval();

        int batchSize();

        /** How long a refund taken by a run is left alone by the other replicas; as {@link Recovery#lease()}. */
        Duration lease();

        Duration backoff();

        Duration maxBackoff();

        /**
         * After this many failed attempts a refund is reported for an operator (log line and
         * metrics); it is still retried, at {@link #maxBackoff()}, until the provider refunds.
         */
        int alertAfterAttempts();
    }

    /** The wait before the next attempt after {@code failures} failed ones: exponential, capped. */
    static Duration backoff(Duration base, Duration max, int failures) {
        Duration wait = base.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
