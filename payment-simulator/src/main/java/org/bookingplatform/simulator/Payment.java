package org.bookingplatform.simulator;

import java.time.Instant;

public record Payment(
        String id,
        PaymentStatus status,
        long amount,
        String currency,
        DeclineCode declineCode,
        String reference,
        Instant created) {

    public boolean succeeded() {
        return status == PaymentStatus.SUCCEEDED;
    }
}
