package org.bookingplatform.notification.stream;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells this replica's open streams that their user has a new notification. Every replica
 * LISTENs on the channel that the database NOTIFYs when a notification commits (migration V3), so
 * whichever replica holds a user's stream hears of it, whichever replica wrote the notification.
 * A notification carries no payload the stream trusts: the stream reads what is new from the
 * table, so a missed or doubled wake-up costs a query, never an event.
 */
@ApplicationScoped
public class NotificationFeed {

    static final String CHANNEL = "notification_created";

    private static final Logger LOG = Logger.getLogger(NotificationFeed.class);
    private static final long RECONNECT_DELAY_MILLIS = 1000;

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final Map<UUID, Set<Runnable>> listeners = new ConcurrentHashMap<>();
    private PgSubscriber subscriber;

    public NotificationFeed(Vertx vertx,
                            @ConfigProperty(name = "quarkus.datasource.reactive.url") String url,
                            @ConfigProperty(name = "quarkus.datasource.username") String user,
                            @ConfigProperty(name = "quarkus.datasource.password") String password) {
        this.vertx = vertx;
        this.options = PgConnectOptions.fromUri(url.startsWith("vertx-reactive:") ? url.substring("vertx-reactive:".length()) : url)
                .setUser(user)
                .setPassword(password);
    }

    void start(@Observes StartupEvent started) {
        subscriber = PgSubscriber.subscriber(vertx, options)
                // Keep listening across database restarts; each new subscription wakes every
                // stream, which then reads what it missed while the connection was down.
                .reconnectPolicy(retries -> RECONNECT_DELAY_MILLIS);
        subscriber.channel(CHANNEL)
                .subscribeHandler(ignored -> wakeAll())
                .handler(this::onNotify);
        subscriber.closeHandler(ignored -> LOG.warn("Lost the notification feed's database connection; reconnecting"));
        subscriber.connect().onFailure(failure -> LOG.warnf("Notification feed not connected yet: %s", failure.getMessage()));
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /**
     * A tick whenever the user may have new notifications: one at once (after the listener is in
     * place, so that nothing committed from then on can be missed), then one per wake-up.
     * Ticks that the stream has not taken yet collapse into one.
     */
    public Multi<Long> wakeUps(UUID userId) {
        return Multi.createFrom().emitter(emitter -> {
            Runnable wake = () -> emitter.emit(System.nanoTime());
            listeners.computeIfAbsent(userId, ignored -> ConcurrentHashMap.newKeySet()).add(wake);
            emitter.onTermination(() -> listeners.computeIfPresent(userId, (ignored, set) -> {
                set.remove(wake);
                return set.isEmpty() ? null : set;
            }));
            wake.run();
        }, BackPressureStrategy.LATEST);
    }

    private void onNotify(String payload) {
        int colon = payload.indexOf(':');
        try {
            UUID userId = UUID.fromString(colon < 0 ? payload : payload.substring(0, colon));
            listeners.getOrDefault(userId, Set.of()).forEach(Runnable::run);
        } catch (IllegalArgumentException foreign) {
            LOG.debugf("ignored notification payload %s", payload);
        }
    }

    private void wakeAll() {
        listeners.values().forEach(set -> set.forEach(Runnable::run));
    }
}
