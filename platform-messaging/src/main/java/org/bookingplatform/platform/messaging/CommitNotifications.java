package org.bookingplatform.platform.messaging;

import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.pubsub.PgSubscriber;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * Hears the commits that wrote outbox rows: a connection of its own LISTENs on the channel the
 * insert trigger of {@code outbox_event} notifies (migration V0_3), and calls back on every
 * notification and whenever the LISTEN is (re)established, since notifications sent while the
 * connection was down are lost and the outbox may hold rows nobody was woken for.
 */
final class CommitNotifications {

    /** The channel of the trigger's {@code pg_notify}; each service's database has its own. */
    static final String CHANNEL = "outbox_event";

    private static final Logger LOG = Logger.getLogger(CommitNotifications.class);
    private static final long RECONNECT_DELAY_MS = 1000;

    private final Vertx vertx;
    private final PgConnectOptions options;
    private PgSubscriber subscriber;
    private volatile boolean closed;

    CommitNotifications(Vertx vertx, PgConnectOptions options) {
        this.vertx = vertx;
        this.options = options;
    }

    /**
     * The connection of the service's default datasource ({@code quarkus.datasource.reactive.url},
     * {@code username}, {@code password}): the listener needs no settings of its own. The first
     * URL is used when the datasource lists several.
     */
    static CommitNotifications forDatasource(Vertx vertx, Config config) {
        String url = config.getValue("quarkus.datasource.reactive.url", String.class).split(",")[0].trim();
        PgConnectOptions options = PgConnectOptions.fromUri(url.replaceFirst("^vertx-reactive:", ""));
        config.getOptionalValue("quarkus.datasource.username", String.class).ifPresent(options::setUser);
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(options::setPassword);
        return new CommitNotifications(vertx, options.setReconnectAttempts(0));
    }

    /** Starts listening; {@code onCommit} runs on an event loop and must not block. */
    synchronized void listen(Runnable onCommit) {
        subscriber = PgSubscriber.subscriber(vertx, options)
                // Reconnects for as long as the service runs: without the connection only the poll publishes.
                .reconnectPolicy(attempt -> {
                    if (attempt == 0) {
                        LOG.warn("Outbox listener connection lost; reconnecting (events wait for the poll meanwhile)");
                    }
                    return closed ? -1L : RECONNECT_DELAY_MS;
                });
        subscriber.channel(CHANNEL)
                .subscribeHandler(listening -> onCommit.run())
                .handler(payload -> onCommit.run());
        connect();
    }

    synchronized void close() {
        closed = true;
        if (subscriber != null) {
            subscriber.close();
        }
    }

    /** The subscriber retries lost connections itself, but not a first connect that failed. */
    private void connect() {
        subscriber.connect().onFailure(failure -> {
            if (!closed) {
                LOG.warnf("Outbox listener cannot connect, retrying: %s", failure.getMessage());
                vertx.setTimer(RECONNECT_DELAY_MS, timer -> {
                    if (!closed) {
                        connect();
                    }
                });
            }
        });
    }
}
