package org.bookingplatform.platform.messaging;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import java.util.function.Consumer;

/**
 * Hears commits through PostgreSQL's LISTEN/NOTIFY: a connection of its own LISTENs on one
 * channel, and calls back on every notification (with its payload) and whenever the LISTEN is
 * (re)established, since notifications sent while the connection was down are lost and whatever
 * they announced must be looked at again. The outbox relay listens on {@link #CHANNEL}, which the
 * insert trigger of {@code outbox_event} notifies (migration V0_3); a service may listen on a
 * channel of its own the same way.
 */
public final class CommitNotifications {

    /** The channel of the outbox trigger's {@code pg_notify}; each service's database has its own. */
    static final String CHANNEL = "outbox_event";

    private static final Logger LOG = Logger.getLogger(CommitNotifications.class);
    private static final long RECONNECT_DELAY_MS = 1000;

    private final Vertx vertx;
    private final PgConnectOptions options;
    private final String channel;
    private PgSubscriber subscriber;
    private volatile boolean closed;

    CommitNotifications(Vertx vertx, PgConnectOptions options, String channel) {
        this.vertx = vertx;
        this.options = options;
        this.channel = channel;
    }

    /**
     * The connection of the service's default datasource ({@code quarkus.datasource.reactive.url},
     * {@code username}, {@code password}): the listener needs no settings of its own. The first
     * URL is used when the datasource lists several.
     */
    public static CommitNotifications forDatasource(Vertx vertx, Config config, String channel) {
        String url = config.getValue("quarkus.datasource.reactive.url", String.class).split(",")[0].trim();
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        return new CommitNotifications(vertx, options.setReconnectAttempts(0), channel);
    }

    /**
     * Starts listening: {@code onNotification} gets each notification's payload, {@code onListening}
     * runs whenever the LISTEN is (re)established. Both run on an event loop and must not block.
     */
    public synchronized void listen(Consumer<String> onNotification, Runnable onListening) {
        subscriber = PgSubscriber.subscriber(vertx, options)
                // Reconnects for as long as the service runs: without the connection only the callers' polls see commits.
                .reconnectPolicy(attempt -> {
                    if (attempt == 0) {
                        LOG.warnf("Listener connection of channel %s lost; reconnecting (only polls see commits meanwhile)", channel);
                    }
                    return closed ? -1L : RECONNECT_DELAY_MS;
                });
        subscriber.channel(channel)
                .subscribeHandler(listening -> onListening.run())
                .handler(onNotification::accept);
        connect();
    }

    public synchronized void close() {
        closed = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** The subscriber retries lost connections itself, but not a first connect that failed. */
    private void connect() {
        subscriber.connect().onFailure(failure -> {
            if (!closed) {
                LOG.warnf("Listener of channel %s cannot connect, retrying: %s", channel, failure.getMessage());
                vertx.setTimer(RECONNECT_DELAY_MS, timer -> {
                    if (!closed) {
                        connect();
                    }
                });
            }
        });
    }
}
