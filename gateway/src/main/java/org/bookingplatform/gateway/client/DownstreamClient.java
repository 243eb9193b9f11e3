package org.bookingplatform.gateway.client;

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

/**
 * The one HTTP client to the services: non-blocking, keep-alive connection pools per service,
 * used by the proxy for streaming and by the gateway's own endpoints for small JSON reads.
 */
@Singleton
public class DownstreamClient {

    private final HttpClient http;

    public DownstreamClient(Vertx vertx, GatewayConfig config) {
        GatewayConfig.Client client = config.client();
        this.http = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) client.connectTimeout().toMillis())
                        .setKeepAlive(true)
                        .setKeepAliveTimeout((int) client.keepAliveTimeout().toSeconds())
                        .setTcpKeepAlive(true)
                        // Bodies pass through as the service encoded them.
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(client.maxConnectionsPerService()));
    }

    public HttpClient http() {
        return http;
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
        return http.request(options)
                .compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Reply(response.statusCode(), body)));
    }

    @PreDestroy
    void close() {
        http.close();
    }

    public record Reply(int status, Buffer body) {
    }
}
