package org.bookingplatform.notification.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.bookingplatform.notification.config.NotificationConfig;
import org.bookingplatform.notification.stream.NotificationStreams;
import org.bookingplatform.notification.stream.StreamedNotification;
import org.bookingplatform.platform.problem.Problem;
import org.bookingplatform.platform.problem.ProblemException;
import org.bookingplatform.platform.security.Caller;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.time.Instant;

/**
 * The caller's notifications as Server-Sent Events: each one an event named {@code notification}
 * with the user's running number as its id and the notification as JSON data. A client that
 * reconnects with {@code Last-Event-ID} gets exactly what came after it. A comment line every
 * heartbeat keeps the connection open through proxies; the stream ends when the token expires,
 * and the client reconnects with a fresh one.
 */
@Path("/notifications/stream")
@Authenticated
public class NotificationStreamResource {

    static final String EVENT_NAME = "notification";

    private final NotificationStreams streams;
    private final SecurityIdentity identity;
    private final Duration heartbeat;

    public NotificationStreamResource(NotificationStreams streams, SecurityIdentity identity, NotificationConfig config) {
        this.streams = streams;
        this.identity = identity;
        this.heartbeat = config.stream().heartbeat();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(@HeaderParam("Last-Event-ID") String lastEventId, @Context Sse sse) {
        Caller caller = Caller.of(identity);
        long after = position(lastEventId);
        Duration remaining = Duration.between(Instant.now(), tokenExpiry());
        if (remaining.isNegative() || remaining.isZero()) {
            throw new ProblemException(Problem.of(401, "Unauthorized", "The token has expired."), null);
        }
        Multi<OutboundSseEvent> notifications = streams.follow(caller.id(), after).map(notification -> event(sse, notification));
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .onOverflow().drop()
                .map(tick -> sse.newEventBuilder().comment("heartbeat").build());
        Multi<OutboundSseEvent> untilExpiry = Multi.createBy().merging().streams(notifications, heartbeats).select().first(remaining);
        return Multi.createBy().concatenating()
                .streams(untilExpiry, Multi.createFrom().item(() -> sse.newEventBuilder().comment("token expired").build()));
    }

    private static OutboundSseEvent event(Sse sse, StreamedNotification notification) {
        return sse.newEventBuilder()
                .id(Long.toString(notification.seq()))
                .name(EVENT_NAME)
                .mediaType(MediaType.APPLICATION_JSON_TYPE)
                .data(NotificationView.class, NotificationView.of(notification))
                .build();
    }

    private static long position(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            long position = Long.parseLong(lastEventId.trim());
            if (position < 0) {
                throw new NumberFormatException();
            }
            return position;
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("Last-Event-ID", "must be the id of an event of this stream (a number of 0 or more)");
        }
    }

    private Instant tokenExpiry() {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            return Instant.ofEpochSecond(token.getExpirationTime());
        }
        Object expiry = identity.getAttribute("quarkus.identity.expire-time");
        if (expiry instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        throw new ProblemException(Problem.of(401, "Unauthorized",
                "The stream needs a token that expires."), null);
    }
}
