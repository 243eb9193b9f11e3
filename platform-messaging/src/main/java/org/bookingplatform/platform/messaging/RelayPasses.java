package org.bookingplatform.platform.messaging;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * When the relay runs: right after every commit that wrote outbox rows ({@link CommitNotifications}),
 * and on the poll ({@code platform.messaging.outbox.relay-interval}) as the safety net. One pass at
 * a time in this process: a wake-up that arrives during a pass makes exactly one more pass follow
 * it, since the running pass may have read the outbox before the waking commit; any number of
 * wake-ups during a pass fold into that one. Across replicas the relay's advisory lock decides;
 * every replica hears every commit, so the one holding the lock hears it too and passes again.
 */
@ApplicationScoped
public class RelayPasses {

    private static final Logger LOG = Logger.getLogger(RelayPasses.class);

    private final OutboxRelay relay;
    private final Vertx vertx;
    private final CommitNotifications notifications;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile boolean started;

    @Inject
    RelayPasses(OutboxRelay relay, MessagingConfig config, Vertx vertx, Config rawConfig) {
        this(relay, vertx, enabled(config) ? CommitNotifications.forDatasource(vertx, rawConfig, CommitNotifications.CHANNEL) : null);
    }

    /** {@code notifications} null: woken by the poll alone. */
    RelayPasses(OutboxRelay relay, Vertx vertx, CommitNotifications notifications) {
        this.relay = relay;
        this.vertx = vertx;
        this.notifications = notifications;
    }

    /**
     * Listens once the application has started, since the outbox channel is wired during startup;
     * the LISTEN being established is a wake-up too, which publishes what waited meanwhile.
     */
    void onStart(@Observes StartupEvent event) {
        start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    void start() {
        started = true;
        if (notifications != null) {
            notifications.listen(payload -> wake(), this::wake);
        }
    }

    void stop() {
        started = false;
        if (notifications != null) {
            notifications.close();
        }
    }

    @Scheduled(identity = "platform-outbox-relay", every = "${platform.messaging.outbox.relay-interval}",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @NonBlocking
    void poll() {
        wake();
    }

    /** Asks for a pass: starts one now, or right after the running one. Never blocks. */
    public void wake() {
        requested.set(true);
        if (started && running.compareAndSet(false, true)) {
            pass();
        }
    }

    /**
     * Runs a pass on a new safe duplicated Vert.x context of its own, as Hibernate Reactive needs:
     * never on the waker's context. A wake-up can come from an HTTP request (an operator's
     * republish), whose context holds the request's session; a pass that ran there shared it,
     * and the request, closing it at its end, rolled back the pass's transaction (a 500).
     */
    private void pass() {
        requested.set(false);
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> {
            try {
                relay.publishPending().subscribe().with(done -> finished(), this::failed);
            } catch (RuntimeException failure) {
                failed(failure);
            }
        });
    }

    private void failed(Throwable failure) {
        LOG.warnf("Outbox relay pass failed, retrying on the next wake-up or poll: %s", failure.getMessage());
        finished();
    }

    /** A wake-up that came after this pass's {@code requested.set(false)} is never lost: it is seen here or it started its own pass. */
    private void finished() {
        running.set(false);
        if (started && requested.get() && running.compareAndSet(false, true)) {
            pass();
        }
    }

    private static boolean enabled(MessagingConfig config) {
        String interval = config.outbox().relayInterval().trim();
        return config.outbox().wakeOnCommit() && !interval.equalsIgnoreCase("off") && !interval.equalsIgnoreCase("disabled");
    }
}
