package org.bookingplatform.platform.idempotency;

/** What claiming an Idempotency-Key found. */
public sealed interface Claim {

    /**
     * What a key already stored means for a request with {@code fingerprint}: another request's
     * key, an answer to replay, or a first request still running.
     */
    static Claim ofExisting(String fingerprint, String storedFingerprint, Integer storedStatus, String storedBody) {
        if (!fingerprint.equals(storedFingerprint)) {
            return new Mismatch();
        }
        return storedStatus == null ? new InProgress() : new Replay(storedStatus, storedBody);
    }

    /** First use of the key: run the use case and {@link IdempotencyKeys#complete complete} the key. */
    record Fresh() implements Claim {
    }

    /** The key's request already completed: answer with what it answered. */
    record Replay(int status, String body) implements Claim {
    }

    /** The key was used before for a different request. */
    record Mismatch() implements Claim {
    }

    /** The key's first request is claimed but has not completed yet (a use case spanning transactions). */
    record InProgress() implements Claim {
    }
}
