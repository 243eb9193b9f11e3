package org.bookingplatform.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyOptions;
import org.bookingplatform.gateway.client.DownstreamClient;
import org.bookingplatform.gateway.http.ProblemResponses;
import org.bookingplatform.gateway.resilience.DownstreamGuard;
import org.bookingplatform.gateway.route.GatewayRoute;

/**
 * Forwards the requests of one route to its service with vertx-http-proxy: method, headers and
 * body go up, status, headers and body come back, both bodies streamed (an event stream arrives
 * event by event). Runs after the access filter and the rate limiter admitted the request.
 */
public final class ProxyRoute implements Handler<RoutingContext> {

    private final HttpProxy proxy;

    public ProxyRoute(GatewayRoute route, String apiPrefix, DownstreamClient client, DownstreamGuard guard,
                      ProblemResponses problems, long maxBodySize) {
        RequestOptions origin = DownstreamClient.origin(route.upstream());
        // WebSocket upgrades are not offered: Upgrade is a hop-by-hop header the gateway drops.
        // The client handed to the proxy goes unused: each request goes out through the client of
        // the event loop it arrived on (DownstreamClient says why).
        this.proxy = HttpProxy.reverseProxy(new ProxyOptions().setSupportWebSocket(false), client.http())
                .origin(context -> client.http().request(new RequestOptions(origin))
                        .onSuccess(request -> UpstreamAttempt.bind(context, request)))
                .addInterceptor(new UpstreamInterceptor(route, apiPrefix, guard, problems, maxBodySize));
    }

    @Override
    public void handle(RoutingContext rc) {
        proxy.handle(rc.request());
    }
}
