package org.bookingplatform.simulator;

/** Refunds of a succeeded payment always succeed here; the status exists because clients of real processors read it. */
public record Refund(String id, String paymentId, long amount, String status) {

    public static Refund succeeded(String id, String paymentId, long amount) {
        return new Refund(id, paymentId, amount, "succeeded");
    }
}
