package org.bookingplatform.booking.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.config.BookingConfig;
import org.bookingplatform.platform.messaging.ScheduledBatches;
import org.jboss.logging.Logger;

/**
 * Expires unpaid holds whose time is up and returns their inventory, in bounded batches, one
 * transaction each. Safe on every replica at once: each batch locks its bookings with
 * SKIP LOCKED, so replicas share the work and never wait for one another.
 */
@ApplicationScoped
public class ExpirySweep {

    private static final ScheduledBatches SWEEP = ScheduledBatches.named("expiry sweep", Logger.getLogger(ExpirySweep.class));

    private final BookingSaga saga;
    private final BookingConfig config;

    public ExpirySweep(BookingSaga saga, BookingConfig config) {
        this.saga = saga;
        this.config = config;
    }

    @Scheduled(identity = "booking-expiry-sweep", every = "${booking.expiry-sweep-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> sweepOnSchedule() {
        return sweep().replaceWithVoid();
    }

    /** Runs batch after batch until one is not full; how many holds it looked at. */
    public Uni<Integer> sweep() {
        int batchSize = config.expiryBatchSize();
        return SWEEP.run(batchSize, () -> saga.expireDueHolds(batchSize));
    }
}
