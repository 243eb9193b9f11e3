package org.bookingplatform.platform.messaging;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Attempts a consumer's step again after a transient failure, with exponential backoff and
 * without end: the record stays where it is, so nothing behind it on its partition overtakes it.
 * The wait is a Vert.x timer, never a sleeping thread, and every attempt starts on the Vert.x
 * context the record was delivered on (Hibernate Reactive sessions belong to that context). The
 * Kafka connector keeps polling meanwhile, with the partitions paused, so the consumer stays in
 * its group however long the outage lasts.
 */
@ApplicationScoped
class InPlaceRetry {

    private static final Logger LOG = Logger.getLogger(InPlaceRetry.class);

    private final Duration initialDelay;
    private final Duration maxDelay;
    private final Duration attemptTimeout;

    @Inject
    InPlaceRetry(MessagingConfig config) {
        this(config.inbox().retryInitialDelay(), config.inbox().retryMaxDelay(), config.inbox().attemptTimeout());
    }

    InPlaceRetry(Duration initialDelay, Duration maxDelay, Duration attemptTimeout) {
        this.initialDelay = initialDelay;
        this.maxDelay = maxDelay;
        this.attemptTimeout = attemptTimeout;
    }

    /** Runs {@code attempt} until it succeeds or fails with a failure that is not {@link ConsumerFailure#TRANSIENT}. */
    <T> Uni<T> untilDone(String what, Supplier<Uni<? extends T>> attempt) {
        Context context = Vertx.currentContext();
        if (context == null) {
            return Uni.createFrom().failure(new IllegalStateException(what + " must run on a Vert.x context (an @Incoming method)"));
        }
        return attempt(context, what, attempt, 1);
    }

    /** The wait before attempt {@code attempt + 1}: the initial delay, doubled per attempt, capped. */
    Duration delayAfter(int attempt) {
        int doublings = Math.min(attempt - 1, 30);
        long millis = initialDelay.toMillis() << doublings;
        return millis <= 0 || millis > maxDelay.toMillis() ? maxDelay : Duration.ofMillis(millis);
    }

    private <T> Uni<T> attempt(Context context, String what, Supplier<Uni<? extends T>> attempt, int number) {
        return Uni.createFrom().<T>deferred(attempt)
                .ifNoItem().after(attemptTimeout).fail()
                .onFailure(ConsumerFailure::isTransient).recoverWithUni(failure -> {
                    Duration delay = delayAfter(number);
                    LOG.warnf("%s failed transiently (attempt %d), attempting again in %d ms: %s",
                            what, number, delay.toMillis(), failure);
                    return later(context, delay).chain(() -> attempt(context, what, attempt, number + 1));
                });
    }

    private static Uni<Void> later(Context context, Duration delay) {
        return Uni.createFrom().emitter(emitter -> context.owner()
                .setTimer(Math.max(1, delay.toMillis()), timer -> context.runOnContext(ignored -> emitter.complete(null))));
    }
}
