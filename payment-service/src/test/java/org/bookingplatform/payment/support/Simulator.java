package org.bookingplatform.payment.support;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** The payment simulator's admin API (faults, stats, reset) and its read API, as a test uses them. */
public final class Simulator {

    public record Stats(long charges, long chargeAttempts, long duplicateCharges, long refunds, long requests) {
    }

    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final String url;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public Simulator(String url) {
        this.url = url;
    }

    /** No payments, zero counters, no faults. */
    public void reset() {
        send("POST", "/admin/reset", null, 204);
    }

    /** Replaces the fault settings, e.g. {@code Map.of("down", true)}. */
    public void faults(Map<String, Object> settings) {
        send("PUT", "/admin/faults", settings, 200);
    }

    public void heal() {
        send("DELETE", "/admin/faults", null, 204);
    }

    public Stats stats() {
        return read(send("GET", "/admin/stats", null, 200), Stats.class);
    }

    /** A refund made at the provider directly, as a person or another system might. */
    public void refund(String providerPaymentId, String idempotencyKey, long amount) {
        HttpResponse<String> response = exchange("POST", "/v1/payments/" + providerPaymentId + "/refunds", Map.of("amount", amount),
                Map.of("Idempotency-Key", idempotencyKey));
        if (response.statusCode() != 201) {
            throw new IllegalStateException("refund answered " + response.statusCode() + ": " + response.body());
        }
    }

    /** The charge the provider made under an idempotency key (our {@code pay-<paymentId>}), or null. */
    public JsonNode paymentByKey(String idempotencyKey) {
        HttpResponse<String> response = exchange("GET", "/v1/payments?idempotencyKey="
                + URLEncoder.encode(idempotencyKey, StandardCharsets.UTF_8), null);
        if (response.statusCode() == 404) {
            return null;
        }
        return read(response, JsonNode.class);
    }

    private HttpResponse<String> send(String method, String path, Object body, int expectedStatus) {
        HttpResponse<String> response = exchange(method, path, body);
        if (response.statusCode() != expectedStatus) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response;
    }

    private HttpResponse<String> exchange(String method, String path, Object body) {
        return exchange(method, path, body, Map.of());
    }

    private HttpResponse<String> exchange(String method, String path, Object body, Map<String, String> headers) {
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .method(method, publisher);
            headers.forEach(request::header);
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(HttpResponse<String> response, Class<T> type) {
        try {
            return JSON.readValue(response.body(), type);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer " + response.body(), e);
        }
    }
}
