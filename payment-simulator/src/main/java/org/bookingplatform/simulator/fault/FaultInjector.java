package org.bookingplatform.simulator.fault;

import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.bookingplatform.simulator.ProblemException;
import org.bookingplatform.simulator.SimulatorConfig;

/**
 * Makes the simulated provider misbehave the way real ones do. A fault may strike after the operation has run,
 * so the client sees an error, a timeout or a dropped connection for a charge that did happen: exactly the case
 * an idempotency key has to make safe to retry.
 */
@ApplicationScoped
public class FaultInjector {

    private enum Kind { NONE, ERROR, TIMEOUT, DROP }

    private record Fault(Kind kind, FaultPhase phase) {
        static final Fault NONE = new Fault(Kind.NONE, null);
    }

    private static final long CLOSE_WAIT_SECONDS = 5;

    private final long defaultTimeoutMs;
    private volatile FaultSettings settings;
    private Random random = new Random();

    public FaultInjector(SimulatorConfig config) {
        this.defaultTimeoutMs = config.timeoutMs();
        this.settings = FaultSettings.healthy(defaultTimeoutMs);
    }

    public FaultSettings settings() {
        return settings;
    }

    public synchronized FaultSettings configure(FaultSettings requested) {
        FaultSettings validated = requested.validated(defaultTimeoutMs);
        random = validated.seed() == null ? new Random() : new Random(validated.seed());
        settings = validated;
        return validated;
    }

    public void heal() {
        configure(FaultSettings.healthy(defaultTimeoutMs));
    }

    public boolean isDown() {
        return settings.down();
    }

    /** Runs one API operation on a worker thread, with whatever delay and fault the current settings draw. */
    public <T> T around(HttpServerRequest request, Supplier<T> operation) {
        FaultSettings current = settings;
        Fault fault = draw(current);
        pause(current.delayMs());
        if (fault.phase() == FaultPhase.BEFORE) {
            strike(fault.kind(), current, request);
        }
        T result = operation.get();
        if (fault.phase() == FaultPhase.AFTER) {
            strike(fault.kind(), current, request);
        }
        return result;
    }

    /** A charge: as {@link #around}, after the charge delay, so that the charge is recorded only once it has passed. */
    public <T> T aroundCharge(HttpServerRequest request, Supplier<T> charge) {
        pause(settings.chargeDelayMs());
        return around(request, charge);
    }

    private synchronized Fault draw(FaultSettings current) {
        double draw = random.nextDouble();
        Kind kind;
        if (draw < current.errorRate()) {
            kind = Kind.ERROR;
        } else if (draw < current.errorRate() + current.timeoutRate()) {
            kind = Kind.TIMEOUT;
        } else if (draw < current.errorRate() + current.timeoutRate() + current.dropRate()) {
            kind = Kind.DROP;
        } else {
            return Fault.NONE;
        }
        FaultPhase phase = current.phase() != FaultPhase.RANDOM ? current.phase()
                : random.nextBoolean() ? FaultPhase.BEFORE : FaultPhase.AFTER;
        return new Fault(kind, phase);
    }

    private static void strike(Kind kind, FaultSettings current, HttpServerRequest request) {
        switch (kind) {
            case ERROR -> throw ProblemException.injectedError();
            case TIMEOUT -> {
                pause(current.timeoutMs());
                throw ProblemException.injectedTimeout(current.timeoutMs());
            }
            case DROP -> {
                awaitClosed(request);
                throw new ConnectionDropped();
            }
            case NONE -> {
            }
        }
    }

    /**
     * Vert.x closes the socket asynchronously, after flushing what is queued; waiting for it ensures the response
     * REST would write next is refused instead of slipping out first.
     */
    private static void awaitClosed(HttpServerRequest request) {
        try {
            request.connection().close().toCompletionStage().toCompletableFuture().get(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // The connection is broken either way; nothing better to do than to let the request end.
        }
    }

    private static void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
