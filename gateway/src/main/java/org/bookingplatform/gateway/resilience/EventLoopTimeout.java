package org.bookingplatform.gateway.resilience;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * A time limit on an asynchronous answer, kept by the calling event loop's own timer: no thread
 * hand-off per call (SmallRye's timeout schedules every call on its timer thread and back).
 * The work itself is not cancelled; its late outcome is ignored.
 */
public final class EventLoopTimeout {

    private EventLoopTimeout() {
    }

    /** {@code answer}, or a failure made by {@code onTimeout} if it has not come within {@code millis}. */
    public static <T> Future<T> within(Vertx vertx, long millis, Future<T> answer, Supplier<? extends Throwable> onTimeout) {
        Promise<T> limited = Promise.promise();
        long timer = vertx.setTimer(millis, ignored -> limited.tryFail(onTimeout.get()));
        answer.onComplete(outcome -> {
            vertx.cancelTimer(timer);
            if (outcome.succeeded()) {
                limited.tryComplete(outcome.result());
            } else {
                limited.tryFail(outcome.cause());
            }
        });
        return limited.future();
    }
}
