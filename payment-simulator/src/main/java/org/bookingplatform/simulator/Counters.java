package org.bookingplatform.simulator;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicLong;

@ApplicationScoped
public class Counters {

    private final AtomicLong charges = new AtomicLong();
    private final AtomicLong chargeAttempts = new AtomicLong();
    private final AtomicLong duplicateCharges = new AtomicLong();
    private final AtomicLong refunds = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();

    public void requestReceived() {
        requests.incrementAndGet();
    }

    public void chargeAttempted() {
        chargeAttempts.incrementAndGet();
    }

    public void chargeCreated() {
        charges.incrementAndGet();
    }

    public void duplicateChargeCreated() {
        duplicateCharges.incrementAndGet();
    }

    public void refundCreated() {
        refunds.incrementAndGet();
    }

    public Stats snapshot() {
        return new Stats(charges.get(), chargeAttempts.get(), duplicateCharges.get(), refunds.get(), requests.get());
    }

    public void reset() {
        charges.set(0);
        chargeAttempts.set(0);
        duplicateCharges.set(0);
        refunds.set(0);
        requests.set(0);
    }
}
