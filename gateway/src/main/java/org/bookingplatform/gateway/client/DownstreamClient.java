package org.bookingplatform.gateway.client;

import io.netty.util.concurrent.EventExecutor;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.bookingplatform.gateway.config.GatewayConfig;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Outbound HTTP to the services: non-blocking, keep-alive connection pools per service, used by
 * the proxy for streaming and by the gateway's own endpoints for small JSON reads.
 * <p>
 * Each event loop has a client of its own. One shared pool hands a request any idle connection,
 * mostly one that lives on another event loop, and the exchange then hops between threads (task
 * hand-offs, selector wake-ups) on every step. With a client per event loop a request stays on the
 * thread that read it, as in nginx, whose workers keep their own upstream connections
 * (docs/benchmarks.md, Gateway). {@code gateway.client.max-connections-per-service} is shared out
 * among the event loops.
 */
@Singleton
public class DownstreamClient {

    private final Vertx vertx;
    private final HttpClientOptions options;
    private final PoolOptions perEventLoop;
    /** For callers off the event loops (worker threads, start-up). */
    private final HttpClient shared;
    private final ThreadLocal<HttpClient> ownEventLoop;
    private final List<HttpClient> all = new CopyOnWriteArrayList<>();

    public DownstreamClient(Vertx vertx, GatewayConfig config) {
        GatewayConfig.Client client = config.client();
        this.vertx = vertx;
        this.options = new HttpClientOptions()
                .setConnectTimeout((int) client.connectTimeout().toMillis())
                .setKeepAlive(true)
                .setKeepAliveTimeout((int) client.keepAliveTimeout().toSeconds())
                .setTcpKeepAlive(true)
                // Bodies pass through as the service encoded them.
                .setDecompressionSupported(false);
        int eventLoops = 0;
        for (EventExecutor ignored : vertx.nettyEventLoopGroup()) {
            eventLoops++;
        }
        int maxConnections = client.maxConnectionsPerService();
        this.perEventLoop = new PoolOptions().setHttp1MaxSize(Math.max(1, maxConnections / Math.max(1, eventLoops)));
        this.shared = create(new PoolOptions().setHttp1MaxSize(maxConnections));
        this.ownEventLoop = ThreadLocal.withInitial(() -> create(perEventLoop));
    }

    /** The client of the calling event loop, or the shared one off the event loops. */
    public HttpClient http() {
        return Context.isOnEventLoopThread() ? ownEventLoop.get() : shared;
    }

    private HttpClient create(PoolOptions pool) {
        HttpClient client = vertx.createHttpClient(options, pool);
        all.add(client);
        return client;
    }

    /** Where a request to {@code service} goes; the method and URI are set per request. */
    public static RequestOptions origin(URI service) {
        boolean tls = "https".equalsIgnoreCase(service.getScheme());
        int port = service.getPort() != -1 ? service.getPort() : (tls ? 443 : 80);
        return new RequestOptions().setHost(service.getHost()).setPort(port).setSsl(tls);
    }

    /** A GET whose whole answer is read into memory; for small JSON documents only. */
    public Future<Reply> get(URI service, String pathAndQuery, MultiMap headers, Duration timeout) {
        RequestOptions options = origin(service)
                .setMethod(HttpMethod.GET)
                .setURI(pathAndQuery)
                .setHeaders(headers)
                .setIdleTimeout(timeout.toMillis());
        return http().request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Reply(response.statusCode(), body)));
    }

    @PreDestroy
    void close() {
        all.forEach(HttpClient::close);
    }

    public record Reply(int status, Buffer body) {
    }
}
