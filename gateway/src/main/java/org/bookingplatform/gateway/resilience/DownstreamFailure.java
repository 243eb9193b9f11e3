package org.bookingplatform.gateway.resilience;

/**
 * A service call that failed in a way the circuit breaker counts and a retry may cure.
 * Control flow, not a bug: no stack trace.
 */
public abstract sealed class DownstreamFailure extends RuntimeException
        permits DownstreamFailure.Unreachable, DownstreamFailure.ErrorStatus {

    DownstreamFailure(String message, Throwable cause) {
        super(message, cause, false, false);
    }

    /** No answer: connection refused or reset, closed before the response head. */
    public static final class Unreachable extends DownstreamFailure {
        public Unreachable(String service, Throwable cause) {
            super(service + " unreachable: " + cause.getMessage(), cause);
        }
    }

    /**
     * The service answered 502, 503 or 504: it is there but cannot serve now. Carries the
     * answer, to be passed to the client if no retry cures it, or discarded before a retry.
     */
    public static final class ErrorStatus extends DownstreamFailure {
        private final Object reply;
        private final Runnable discard;

        public ErrorStatus(String service, int status, Object reply, Runnable discard) {
            super(service + " answered " + status, null);
            this.reply = reply;
            this.discard = discard;
        }

        public static boolean isTransient(int status) {
            return status == 502 || status == 503 || status == 504;
        }

        public <T> T reply(Class<T> type) {
            return type.cast(reply);
        }

        public void discard() {
            discard.run();
        }
    }
}
