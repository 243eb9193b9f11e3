package org.bookingplatform.booking.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.booking.Booking;
import org.bookingplatform.booking.BookingLifecycle;
import org.bookingplatform.booking.Booking.Status;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The saga in figures. {@code booking.transitions} counts every status change by {@code from}
 * and {@code to} (a new hold comes {@code from="NONE"}); {@code booking.hold.confirmation} is the
 * time from the hold to CONFIRMED, with fixed buckets from 50 ms to the longest hold, so that
 * Prometheus computes its p99 across replicas ({@code histogram_quantile}).
 * <p>
 * A transition is counted when its transaction applies it, not after the commit: the saga's
 * steps run inside the inbox's transaction, which has no after-commit hook. A step that fails
 * at commit and is attempted again counts twice; such retries are rare and the figures are
 * rates, not a ledger (the ledger is the bookings table).
 */
@ApplicationScoped
@Startup
public class BookingMetrics {

    static final String TRANSITIONS = "booking.transitions";
    static final String HOLD_CONFIRMATION = "booking.hold.confirmation";
    static final String NONE = "NONE";

    private final Map<Status, Map<Status, Counter>> transitions = new EnumMap<>(Status.class);
    private final Counter held;
    private final Timer holdConfirmation;

    public BookingMetrics(MeterRegistry registry) {
        for (Status from : Status.values()) {
            Map<Status, Counter> to = new EnumMap<>(Status.class);
            for (Status next : Status.values()) {
                to.put(next, counter(registry, from.name(), next));
            }
            transitions.put(from, to);
        }
        held = counter(registry, NONE, BookingLifecycle.INITIAL);
        holdConfirmation = Timer.builder(HOLD_CONFIRMATION)
                .description("Time from the hold to its confirmation")
                .serviceLevelObjectives(seconds(0.05), seconds(0.1), seconds(0.25), seconds(0.5), seconds(1), seconds(2.5),
                        seconds(5), seconds(10), seconds(30), seconds(60), seconds(120), seconds(300), seconds(600), seconds(900),
                        seconds(1800))
                .register(registry);
    }

    /** A hold was placed (its transaction committed). */
    void held() {
        held.increment();
    }

    /** The booking moves from {@code previous} to its current status. */
    void moved(Booking booking, Status previous, Instant at) {
        transitions.get(previous).get(booking.status).increment();
        if (previous == Status.PENDING_PAYMENT && booking.status == Status.CONFIRMED) {
            holdConfirmation.record(Duration.between(booking.createdAt, at));
        }
    }

    private static Counter counter(MeterRegistry registry, String from, Status to) {
        return Counter.builder(TRANSITIONS)
                .description("Booking status changes")
                .tag("from", from)
                .tag("to", to.name())
                .register(registry);
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
