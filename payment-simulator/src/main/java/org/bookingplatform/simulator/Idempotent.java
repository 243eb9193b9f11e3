package org.bookingplatform.simulator;

/** The result of an idempotent write: either created now, or the stored result of an earlier request with the same key. */
public record Idempotent<T>(T value, boolean replayed) {

    public static <T> Idempotent<T> created(T value) {
        return new Idempotent<>(value, false);
    }

    public static <T> Idempotent<T> replayed(T value) {
        return new Idempotent<>(value, true);
    }
}
