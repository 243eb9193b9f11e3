package org.bookingplatform.system.harness;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

/**
 * A signed-in user's live stream (GET /api/v1/notifications/stream through the gateway), read in the
 * background the way a browser's EventSource does: each {@code event: notification} data line is kept.
 */
public final class NotificationStream implements AutoCloseable {

    private final List<JsonNode> notifications = new CopyOnWriteArrayList<>();
    private final CompletableFuture<HttpResponse<Stream<String>>> response;
    private volatile int status;

    NotificationStream(URI gateway, String token) {
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve("/api/v1/notifications/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET().build();
        response = Http.CLIENT.sendAsync(request, HttpResponse.BodyHandlers.ofLines());
        response.thenAcceptAsync(answer -> {
            status = answer.statusCode();
            answer.body().filter(line -> line.startsWith("data:"))
                    .forEach(line -> notifications.add(Json.parse(line.substring("data:".length()).trim())));
        });
    }

    /** The HTTP status of the stream's answer once it came (0 before). */
    public int status() {
        return status;
    }

    /** The notifications received so far, in order. */
    public List<JsonNode> notifications() {
        return List.copyOf(notifications);
    }

    /** The kinds (booking.confirmed, payment.refunded, ...) received so far about one booking, in order. */
    public List<String> kinds(String bookingId) {
        return notifications.stream().filter(n -> bookingId.equals(n.path("bookingId").asText()))
                .map(n -> n.path("kind").asText()).toList();
    }

    @Override
    public void close() {
        response.thenAccept(answer -> answer.body().close());
        response.cancel(true);
    }
}
