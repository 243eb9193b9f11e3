package org.bookingplatform.gateway.proxy;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;
import org.bookingplatform.gateway.http.HopByHopHeaders;
import org.bookingplatform.gateway.http.ProblemResponses;
import org.bookingplatform.gateway.http.RequestSizeLimit;
import org.bookingplatform.gateway.resilience.DownstreamFailure;
import org.bookingplatform.gateway.resilience.DownstreamGuard;
import org.bookingplatform.gateway.route.GatewayRoute;
import org.bookingplatform.platform.problem.Problem;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * What the gateway adds to vertx-http-proxy for one route: the upstream path (the request path
 * without the API prefix, query kept), hop-by-hop headers dropped both ways, X-Forwarded-*,
 * the route's guard around the exchange, and problem+json answers when the service cannot be had.
 */
final class UpstreamInterceptor implements ProxyInterceptor {

    private static final Logger LOG = Logger.getLogger(UpstreamInterceptor.class);
    private static final TypeLiteral<Future<ProxyResponse>> PROXY_RESPONSE = new TypeLiteral<>() {
    };
    /** RFC 9110 §9.2.2: repeating these leaves the same effect as sending them once. */
    private static final Set<HttpMethod> IDEMPOTENT = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS,
            HttpMethod.PUT, HttpMethod.DELETE);
    private static final Duration SHORT_WAIT = Duration.ofSeconds(1);
    private static final String STREAMED_BODY = "gateway.streamed-body";
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";
    private static final String BAGGAGE = "baggage";

    private final GatewayRoute route;
    private final int apiPrefixLength;
    private final DownstreamGuard guard;
    private final ProblemResponses problems;
    private final long maxBodySize;
    private final long maxBufferedBody;

    UpstreamInterceptor(GatewayRoute route, String apiPrefix, DownstreamGuard guard, ProblemResponses problems, long maxBodySize) {
        this.route = route;
        this.apiPrefixLength = apiPrefix.length();
        this.guard = guard;
        this.problems = problems;
        this.maxBodySize = maxBodySize;
        this.maxBufferedBody = route.settings().retry().maxBufferedBody().asLongValue();
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        HttpServerRequest client = request.proxiedRequest();
        String query = client.query();
        request.setURI(client.path().substring(apiPrefixLength) + (query == null ? "" : "?" + query));
        prepareHeaders(request, client);

        long length = declaredLength(client);
        boolean chunked = client.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true);
        if (length <= 0 && !chunked) {
            // No body: an empty one is sent, which (unlike the finished client stream) can be sent again.
            request.setBody(null);
            return guarded(context, IDEMPOTENT.contains(request.getMethod()));
        }
        if (IDEMPOTENT.contains(request.getMethod()) && length > 0 && length <= maxBufferedBody) {
            // A retry needs the body again: keep it in memory, up to the route's bound.
            return read(client).compose(body -> {
                request.setBody(Body.body(body));
                return guarded(context, true);
            });
        }
        if (chunked) {
            LimitedBody limited = new LimitedBody(client, maxBodySize);
            context.set(STREAMED_BODY, limited);
            request.setBody(Body.body(limited, -1));
        }
        return guarded(context, false);
    }

    @Override
    public Future<Void> handleProxyResponse(ProxyContext context) {
        MultiMap headers = context.response().headers();
        HopByHopHeaders.strip(headers);
        // X-Request-Id, RateLimit-*, CORS: set by the gateway, not taken from the service.
        for (Map.Entry<String, String> own : context.request().proxiedRequest().response().headers()) {
            headers.remove(own.getKey());
        }
        return context.sendResponse();
    }

    private void prepareHeaders(ProxyRequest request, HttpServerRequest client) {
        MultiMap headers = request.headers();
        if (headers.contains(HttpHeaders.EXPECT, HttpHeaders.CONTINUE, true)) {
            // The caller was admitted: let it send the body now rather than wait for the service's word.
            client.response().writeContinue();
            headers.remove(HttpHeaders.EXPECT);
        }
        HopByHopHeaders.strip(headers);
        // The client's trace context is per hop too: the gateway's client span replaces it when the
        // request is sent (OpenTelemetry injects its own), continuing the client's trace id.
        headers.remove(TRACEPARENT).remove(TRACESTATE).remove(BAGGAGE);
        String address = client.remoteAddress() == null ? null : client.remoteAddress().hostAddress();
        if (address != null) {
            String previous = headers.get("X-Forwarded-For");
            headers.set("X-Forwarded-For", previous == null ? address : previous + ", " + address);
        }
        headers.set("X-Forwarded-Proto", client.scheme() == null ? "http" : client.scheme());
        if (client.authority() != null) {
            headers.set("X-Forwarded-Host", client.authority().toString());
        }
    }

    private Future<ProxyResponse> guarded(ProxyContext context, boolean repeatable) {
        return guard.call(() -> attempt(context), repeatable, PROXY_RESPONSE)
                .recover(failure -> {
                    UpstreamAttempt.abandonCurrent(context);
                    return Future.succeededFuture(answerFor(context, failure));
                });
    }

    private Future<ProxyResponse> attempt(ProxyContext context) {
        UpstreamAttempt attempt = UpstreamAttempt.start(context);
        return context.sendRequest().transform(attempt::settle).transform(outcome -> {
            if (outcome.failed()) {
                if (context.request().proxiedRequest().response().closed()) {
                    return Future.failedFuture(new ClientGone());
                }
                LimitedBody streamed = context.get(STREAMED_BODY, LimitedBody.class);
                if (streamed != null && streamed.exceeded()) {
                    return Future.failedFuture(new RequestBodyTooLarge());
                }
                return Future.failedFuture(new DownstreamFailure.Unreachable(route.service(), outcome.cause()));
            }
            ProxyResponse response = outcome.result();
            if (DownstreamFailure.ErrorStatus.isTransient(response.getStatusCode())) {
                return Future.failedFuture(new DownstreamFailure.ErrorStatus(route.service(), response.getStatusCode(),
                        response, response::release));
            }
            return Future.succeededFuture(response);
        });
    }

    private ProxyResponse answerFor(ProxyContext context, Throwable failure) {
        if (failure instanceof DownstreamFailure.ErrorStatus errorStatus) {
            // The service's own 502/503/504, with its body and Retry-After, once retries are spent.
            return errorStatus.reply(ProxyResponse.class);
        }
        if (failure instanceof ClientGone) {
            // Nobody is listening any more: this answer goes nowhere.
            return context.request().response().setStatusCode(499);
        }
        if (failure instanceof RequestBodyTooLarge) {
            return problem(context, RequestSizeLimit.tooLargeProblem(maxBodySize), null).putHeader(HttpHeaders.CONNECTION, "close");
        }
        if (failure instanceof CircuitBreakerOpenException) {
            return problem(context, unavailable(route.service() + " is failing; requests are paused for a moment."), guard.openDelay());
        }
        if (failure instanceof BulkheadException) {
            return problem(context, unavailable(route.service() + " has too many requests in progress."), SHORT_WAIT);
        }
        if (failure instanceof TimeoutException) {
            return problem(context, Problem.of(504, "Gateway Timeout", route.service() + " did not answer in time."), SHORT_WAIT);
        }
        LOG.debugf("route %s failed: %s", route.name(), failure);
        return problem(context, unavailable(route.service() + " cannot be reached."), SHORT_WAIT);
    }

    private ProxyResponse problem(ProxyContext context, Problem problem, Duration retryAfter) {
        ProxyResponse response = context.request().response()
                .setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .setBody(Body.body(problems.body(problem)));
        if (retryAfter != null) {
            response.putHeader(HttpHeaders.RETRY_AFTER, ProblemResponses.retryAfterSeconds(retryAfter));
        }
        return response;
    }

    private static Problem unavailable(String detail) {
        return Problem.of(503, "Service Unavailable", detail);
    }

    private static Future<Buffer> read(HttpServerRequest client) {
        Promise<Buffer> promise = Promise.promise();
        Buffer body = Buffer.buffer();
        client.handler(body::appendBuffer)
                .exceptionHandler(promise::tryFail)
                .endHandler(end -> promise.tryComplete(body));
        client.resume();
        return promise.future();
    }

    private static long declaredLength(HttpServerRequest client) {
        String length = client.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
