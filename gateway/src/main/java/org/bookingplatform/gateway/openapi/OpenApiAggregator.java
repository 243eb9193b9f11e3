package org.bookingplatform.gateway.openapi;

import io.vertx.core.Future;
import io.quarkus.vertx.http.HttpServer;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Singleton;
import org.bookingplatform.gateway.client.DownstreamClient;
import org.bookingplatform.gateway.config.GatewayConfig;
import org.bookingplatform.gateway.route.GatewayRoute;
import org.bookingplatform.gateway.route.RouteTable;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One OpenAPI document for the whole API, gathered from the services' own documents
 * ({@code GET /q/openapi?format=json}), cached for a while. Only the paths the gateway routes
 * are kept, re-prefixed with the API prefix; the gateway's own endpoints come from its own
 * document, read the same way from its own port. A service that does not answer is left out and
 * named in {@code x-missing-services}; such a partial document is gathered again sooner.
 */
@Singleton
public class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);
    private static final String DOCUMENT_PATH = "/q/openapi?format=json";

    private static final String OWN = "gateway";

    private final RouteTable routes;
    private final DownstreamClient client;
    private final HttpServer server;
    private final GatewayConfig.OpenApi settings;
    private Cached cached;
    private Future<JsonObject> gathering;

    public OpenApiAggregator(RouteTable routes, DownstreamClient client, HttpServer server, GatewayConfig config) {
        this.routes = routes;
        this.client = client;
        this.server = server;
        this.settings = config.openapi();
    }

    /** The combined document; concurrent callers of an expired one share a single gathering. */
    public synchronized Future<JsonObject> document() {
        if (cached != null && System.nanoTime() < cached.expiresAt()) {
            return Future.succeededFuture(cached.document());
        }
        if (gathering == null) {
            gathering = gather().onComplete(done -> remember(done.succeeded() ? done.result() : null));
        }
        return gathering;
    }

    private synchronized void remember(JsonObject document) {
        gathering = null;
        if (document == null) {
            return;
        }
        Duration ttl = document.getJsonArray(OpenApiMerger.MISSING_SERVICES).isEmpty() ? settings.ttl() : settings.partialTtl();
        cached = new Cached(document, System.nanoTime() + ttl.toNanos());
    }

    private Future<JsonObject> gather() {
        Map<String, URI> services = new TreeMap<>(routes.services());
        List<String> names = new ArrayList<>(services.keySet());
        List<Future<JsonObject>> documents = names.stream().map(name -> fetch(name, services.get(name))).toList();
        Future<JsonObject> own = fetch(OWN, server.getLocalBaseUri());
        return Future.join(own, Future.join(documents)).transform(ignored -> {
            OpenApiMerger merger = new OpenApiMerger(routes.apiPrefix(),
                    (method, path) -> routes.isPublic(HttpMethod.valueOf(method), path, routes.route(path).orElse(null)));
            if (own.succeeded()) {
                merger.addOwn(own.result(), routes.routes());
            } else {
                LOG.warnf("the gateway's own OpenAPI document unavailable: %s", own.cause().getMessage());
                merger.missing(OWN);
            }
            for (int i = 0; i < names.size(); i++) {
                Future<JsonObject> document = documents.get(i);
                if (document.succeeded()) {
                    merger.add(names.get(i), document.result(), pathsRoutedTo(names.get(i)));
                } else {
                    LOG.warnf("OpenAPI document of %s unavailable: %s", names.get(i), document.cause().getMessage());
                    merger.missing(names.get(i));
                }
            }
            return Future.succeededFuture(merger.document());
        });
    }

    private Future<JsonObject> fetch(String service, URI url) {
        return client.get(url, DOCUMENT_PATH, MultiMap.caseInsensitiveMultiMap().add("Accept", "application/json"), settings.timeout())
                .compose(reply -> reply.status() == 200
                        ? Future.succeededFuture(reply.body().toJsonObject())
                        : Future.failedFuture(service + " answered " + reply.status()));
    }

    private List<GatewayRoute> pathsRoutedTo(String service) {
        return routes.routes().stream().filter(route -> route.service().equals(service)).toList();
    }

    private record Cached(JsonObject document, long expiresAt) {
    }
}
