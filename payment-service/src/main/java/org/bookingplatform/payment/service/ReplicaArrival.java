package org.bookingplatform.payment.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.bookingplatform.payment.config.PaymentConfig;
import org.bookingplatform.payment.repository.PayableBookingRepository;
import org.bookingplatform.platform.messaging.CommitNotifications;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waits for a booking's booking.requested to reach the replica, for a customer who pays right
 * after the hold's 201 while the event is still on its way. The commit that inserts the replica
 * row notifies every payment-service instance (the insert trigger's {@code pg_notify} on
 * {@link #CHANNEL}, migration V4), so the wait ends as soon as the row is there, whichever replica
 * of payment-service consumed it. A look at the table every
 * {@code payment.replica-wait.poll-interval} is only the safety net for a notification missed
 * while the listener reconnects. Between looks the request holds no connection (each look is its
 * own short session) and no thread; the next look runs on the request's own Vert.x context again,
 * where its session belongs.
 */
@ApplicationScoped
public class ReplicaArrival {

    /** The channel of the payable_booking insert trigger; the payload is the booking id. */
    static final String CHANNEL = "payable_booking";

    /** Vert.x refuses a timer under a millisecond, and the wait would then never end. */
    private static final Duration SHORTEST_WAIT = Duration.ofMillis(1);

    private final PayableBookingRepository bookings;
    private final PaymentConfig config;
    private final CommitNotifications notifications;
    private final Map<UUID, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    @Inject
    ReplicaArrival(PayableBookingRepository bookings, PaymentConfig config, Vertx vertx, Config rawConfig) {
        this.bookings = bookings;
        this.config = config;
        this.notifications = CommitNotifications.forDatasource(vertx, rawConfig, CHANNEL);
    }

    void onStart(@Observes StartupEvent event) {
        // A (re)established LISTEN may have missed notifications: every waiting request looks again.
        notifications.listen(this::arrived, this::wakeAll);
    }

    void onStop(@Observes ShutdownEvent event) {
        notifications.close();
    }

    /** True once the booking is in the replica; false when it is still missing after the configured wait. */
    public Uni<Boolean> awaitKnown(UUID bookingId) {
        Context context = Vertx.currentContext();
        if (context == null) {
            throw new IllegalStateException("awaitKnown must run on a Vert.x context");
        }
        return look(bookingId, Instant.now().plus(config.replicaWait().timeout()), context);
    }

    /** Registered before the look, so that a commit between the look and the wait still ends the wait. */
    private Uni<Boolean> look(UUID bookingId, Instant deadline, Context context) {
        CompletableFuture<Void> arrival = expect(bookingId);
        return Panache.withSession(() -> bookings.count("bookingId", bookingId)).map(found -> found > 0)
                .chain(known -> {
                    Duration left = Duration.between(Instant.now(), deadline);
                    if (known || left.isNegative() || left.isZero()) {
                        return Uni.createFrom().item(known);
                    }
                    return Uni.createFrom().completionStage(arrival)
                            .ifNoItem().after(nextWait(config.replicaWait().pollInterval(), left)).recoverWithItem((Void) null)
                            .emitOn(command -> context.runOnContext(ignored -> command.run()))
                            .chain(() -> look(bookingId, deadline, context));
                })
                .eventually(() -> forget(bookingId, arrival));
    }

    /** Until the next look: the poll interval, or what is left of the wait if that is shorter (at least a millisecond). */
    static Duration nextWait(Duration pollInterval, Duration left) {
        Duration wait = pollInterval.compareTo(left) < 0 ? pollInterval : left;
        return wait.compareTo(SHORTEST_WAIT) < 0 ? SHORTEST_WAIT : wait;
    }

    private CompletableFuture<Void> expect(UUID bookingId) {
        CompletableFuture<Void> arrival = new CompletableFuture<>();
        waiting.compute(bookingId, (id, arrivals) -> {
            Set<CompletableFuture<Void>> all = arrivals == null ? ConcurrentHashMap.newKeySet() : arrivals;
            all.add(arrival);
            return all;
        });
        return arrival;
    }

    private void forget(UUID bookingId, CompletableFuture<Void> arrival) {
        waiting.computeIfPresent(bookingId, (id, arrivals) -> {
            arrivals.remove(arrival);
            return arrivals.isEmpty() ? null : arrivals;
        });
    }

    /** A notification's payload is a booking id; anything else on the channel is not for this wait. */
    private void arrived(String payload) {
        UUID bookingId;
        try {
            bookingId = UUID.fromString(payload);
        } catch (IllegalArgumentException notABookingId) {
            return;
        }
        wake(bookingId);
    }

    private void wakeAll() {
        waiting.keySet().forEach(this::wake);
    }

    private void wake(UUID bookingId) {
        Set<CompletableFuture<Void>> arrivals = waiting.remove(bookingId);
        if (arrivals != null) {
            arrivals.forEach(arrival -> arrival.complete(null));
        }
    }
}
