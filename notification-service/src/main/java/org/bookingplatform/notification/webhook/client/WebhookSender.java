package org.bookingplatform.notification.webhook.client;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.webhook.config.WebhookConfig;
import org.bookingplatform.notification.webhook.service.WebhookTarget;

import java.time.Duration;
import java.util.Map;

/**
 * POSTs one webhook. The connection goes to the address the SSRF guard checked (never to a new
 * look-up of the name), while the Host header and the TLS server name and certificate check use
 * the URL's host. Redirects are not followed: a 3xx is a failed attempt like any non-2xx.
 */
@ApplicationScoped
public class WebhookSender {

    /** What the receiver answered: its status and, when it sent one, its Retry-After. */
    public record Answer(int status, String retryAfter) {
    }

    private final HttpClient client;
    private final Duration timeout;

    public WebhookSender(Vertx vertx, WebhookConfig config) {
        this.timeout = config.timeout();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.timeout().toMillis())
                .setVerifyHost(true)
                // One connection per attempt: partners' receivers are many and rarely called back to back.
                .setKeepAlive(false));
    }

    public Uni<Answer> post(WebhookTarget target, Map<String, String> headers, String body) {
        RequestOptions options = new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setServer(SocketAddress.inetSocketAddress(target.port(), target.address().getHostAddress()))
                .setHost(target.uri().getHost())
                .setPort(target.port())
                .setSsl(target.https())
                .setURI(target.requestTarget())
                .setFollowRedirects(false)
                .setIdleTimeout(timeout.toMillis());
        options.putHeader("user-agent", "booking-platform-webhooks");
        headers.forEach(options::putHeader);
        return client.request(options)
                .chain(request -> request.send(body))
                // The status line is all that counts; the body is not read, so a huge or endless one costs nothing.
                .map(response -> {
                    Answer answer = new Answer(response.statusCode(), response.getHeader("Retry-After"));
                    response.request().connection().close().subscribe().with(ok -> { }, failure -> { });
                    return answer;
                })
                .ifNoItem().after(timeout).failWith(() -> new java.util.concurrent.TimeoutException("no answer within " + timeout.toSeconds() + " s"));
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }
}
