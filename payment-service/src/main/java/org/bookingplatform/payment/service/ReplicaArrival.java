package org.bookingplatform.payment.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.payment.config.PaymentConfig;
import org.bookingplatform.payment.repository.PayableBookingRepository;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Waits for a booking's booking.requested to reach the replica, for a customer who pays right
 * after the hold's 201 while the event is still on its way. It polls the replica table, so it
 * works whichever replica of payment-service consumes the booking's partition. Between looks it
 * holds no connection (each look is its own short session) and no thread: the wait is a timer,
 * and the next look runs on the request's own Vert.x context again, where its session belongs.
 */
@ApplicationScoped
public class ReplicaArrival {

    private static final Duration FIRST_POLL = Duration.ofMillis(10);

    private final PayableBookingRepository bookings;
    private final PaymentConfig config;

    public ReplicaArrival(PayableBookingRepository bookings, PaymentConfig config) {
        this.bookings = bookings;
        this.config = config;
    }

    /** True once the booking is in the replica; false when it is still missing after the configured wait. */
    public Uni<Boolean> awaitKnown(UUID bookingId) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("awaitKnown must run on a Vert.x context");
        }
        return poll(bookingId, Instant.now().plus(config.replicaWait().timeout()), FIRST_POLL, context);
    }

    private Uni<Boolean> poll(UUID bookingId, Instant deadline, Duration wait, Context context) {
        return Panache.withSession(() -> bookings.count("bookingId", bookingId)).map(found -> found > 0).chain(known -> {
            Duration left = Duration.between(Instant.now(), deadline);
            if (known || left.isNegative() || left.isZero()) {
                return Uni.createFrom().item(known);
            }
            Duration next = wait.compareTo(left) < 0 ? wait : left;
            Duration longer = wait.multipliedBy(2);
            Duration max = config.replicaWait().maxPollInterval();
            return Uni.createFrom().voidItem()
                    .onItem().delayIt().by(next)
                    .emitOn(command -> context.runOnContext(ignored -> command.run()))
                    .chain(() -> poll(bookingId, deadline, longer.compareTo(max) < 0 ? longer : max, context));
        });
    }
}
