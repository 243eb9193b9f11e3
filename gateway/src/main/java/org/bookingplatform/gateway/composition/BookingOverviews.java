package org.bookingplatform.gateway.composition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Singleton;
import org.bookingplatform.gateway.client.DownstreamClient;
import org.bookingplatform.gateway.client.DownstreamClient.Reply;
import org.bookingplatform.gateway.config.GatewayConfig;
import org.bookingplatform.gateway.resilience.DownstreamFailure;
import org.bookingplatform.gateway.resilience.DownstreamGuards;
import org.bookingplatform.gateway.route.GatewayRoute;
import org.bookingplatform.gateway.route.RouteTable;
import org.bookingplatform.platform.problem.Problem;
import org.bookingplatform.platform.problem.ProblemException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds a booking overview from three services called in parallel with the caller's token,
 * through the same routes and guards as proxied requests. The booking is essential (its absence
 * is the answer: 404, or 503 when booking-service cannot be had); payments and notifications
 * are not: without them the overview is partial and says so.
 */
@Singleton
public class BookingOverviews {

    private static final Logger LOG = Logger.getLogger(BookingOverviews.class);
    private static final TypeLiteral<Future<Reply>> REPLY = new TypeLiteral<>() {
    };
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

    private final RouteTable routes;
    private final DownstreamGuards guards;
    private final DownstreamClient client;
    private final ObjectMapper json;
    private final Duration partTimeout;

    public BookingOverviews(RouteTable routes, DownstreamGuards guards, DownstreamClient client, ObjectMapper json,
                            GatewayConfig config) {
        this.routes = routes;
        this.guards = guards;
        this.client = client;
        this.json = json;
        this.partTimeout = config.composition().partTimeout();
    }

    /** {@code forwarded}: the caller's Authorization and X-Request-Id (the trace context goes with each request). */
    public Future<BookingOverview> overview(UUID bookingId, MultiMap forwarded) {
        Future<Reply> booking = get("/bookings/" + bookingId, null, forwarded);
        Future<Reply> payments = get("/payments?bookingId=" + bookingId, partTimeout, forwarded);
        Future<Reply> notifications = get("/notifications?bookingId=" + bookingId, partTimeout, forwarded);
        return Future.join(booking, payments, notifications).transform(ignored -> {
            JsonNode bookingBody = essential(bookingId, booking);
            List<String> missing = new ArrayList<>();
            JsonNode paymentsBody = optional("payments", payments, missing);
            JsonNode notificationsBody = optional("notifications", notifications, missing);
            return Future.succeededFuture(new BookingOverview(bookingBody, paymentsBody, notificationsBody, List.copyOf(missing)));
        });
    }

    /** A GET through the route that serves {@code upstreamPath}; {@code timeout} null: the route's own. */
    private Future<Reply> get(String upstreamPath, Duration timeout, MultiMap forwarded) {
        String path = upstreamPath.contains("?") ? upstreamPath.substring(0, upstreamPath.indexOf('?')) : upstreamPath;
        GatewayRoute route = routes.route(routes.apiPrefix() + path).orElse(null);
        if (route == null) {
            return Future.failedFuture("no route serves " + path);
        }
        Duration wait = timeout != null ? timeout : route.settings().timeout();
        return guards.of(route).call(() -> client.get(route.upstream(), upstreamPath, forwarded, wait).compose(reply ->
                DownstreamFailure.ErrorStatus.isTransient(reply.status())
                        ? Future.failedFuture(new DownstreamFailure.ErrorStatus(route.service(), reply.status(), reply, () -> { }))
                        : Future.succeededFuture(reply)), true, REPLY);
    }

    private JsonNode essential(UUID bookingId, Future<Reply> booking) {
        if (booking.failed()) {
            LOG.debugf("booking %s unavailable: %s", bookingId, booking.cause());
            throw ProblemException.unavailable("booking-service cannot be reached.", RETRY_AFTER);
        }
        Reply reply = booking.result();
        if (reply.status() == 200) {
            JsonNode body = parse(reply);
            if (body != null) {
                return body;
            }
        }
        if (reply.status() == 404) {
            throw ProblemException.notFound("No booking " + bookingId + ".");
        }
        if (reply.status() == 401 || reply.status() == 403) {
            throw new ProblemException(Problem.of(reply.status(), reply.status() == 401 ? "Unauthorized" : "Forbidden",
                    "booking-service refused the request."), null);
        }
        throw new ProblemException(Problem.of(502, "Bad Gateway", "booking-service answered " + reply.status() + "."), null);
    }

    private JsonNode optional(String part, Future<Reply> call, List<String> missing) {
        JsonNode body = call.succeeded() && call.result().status() == 200 ? parse(call.result()) : null;
        if (body == null) {
            LOG.debugf("overview without %s: %s", part, call.failed() ? call.cause() : "status " + call.result().status());
            missing.add(part);
        }
        return body;
    }

    private JsonNode parse(Reply reply) {
        try {
            return json.readTree(reply.body().getBytes());
        } catch (IOException e) {
            return null;
        }
    }
}
