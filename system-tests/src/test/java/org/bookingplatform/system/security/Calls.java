package org.bookingplatform.system.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.bookingplatform.system.harness.ApiResponse;

/**
 * Raw requests to the gateway, for what the harness's {@code Http} does not send: any method with any
 * body and content type, a live event stream's answer head only, and a wait for the bucket on a 429
 * (the suite sends more requests per caller and route than the gateway's rate limits let through at once).
 */
final class Calls {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int MAX_RATE_LIMIT_WAITS = 20;

    private final URI gateway;

    Calls(URI gateway) {
        this.gateway = gateway;
    }

    /** One request; a 429 is waited out (its Retry-After) and the request sent again. */
    ApiResponse send(String method, String path, String token, String contentType, String body, Map<String, String> headers) {
        for (int attempt = 0; ; attempt++) {
            ApiResponse response = sendOnce(method, path, token, contentType, body, headers);
            if (response.status() != 429 || attempt == MAX_RATE_LIMIT_WAITS) {
                return response;
            }
            waitFor(response);
        }
    }

    ApiResponse send(String method, String path, String token) {
        return send(method, path, token, null, null, Map.of());
    }

    ApiResponse sendJson(String method, String path, String token, String body, Map<String, String> headers) {
        return send(method, path, token, "application/json", body, headers);
    }

    private ApiResponse sendOnce(String method, String path, String token, String contentType, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        boolean stream = path.endsWith("/stream");
        if (stream) {
            request.header("Accept", "text/event-stream");
        }
        try {
            if (stream) {
                // An admitted stream stays open: its status and headers are the answer; the body is read only when it is an error.
                HttpResponse<InputStream> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = response.body()) {
                    String text = response.statusCode() >= 300 ? new String(in.readAllBytes()) : "";
                    return new ApiResponse(response.statusCode(), response.headers(), text);
                }
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void waitFor(ApiResponse tooMany) {
        String retryAfter = tooMany.header("Retry-After");
        long seconds = retryAfter == null ? 1 : Math.max(1, Long.parseLong(retryAfter.trim()));
        try {
            Thread.sleep(Duration.ofSeconds(Math.min(seconds, 10)).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A refusal as the API promises it: the status, and an RFC 9457 problem+json body of that status. */
    static void assertProblem(int status, ApiResponse response, String what) {
        assertEquals(status, response.status(), () -> what + " -> " + response);
        assertProblem(response, what);
    }

    static void assertProblem(ApiResponse response, String what) {
        String contentType = response.header("Content-Type");
        assertTrue(contentType != null && contentType.startsWith("application/problem+json"), () -> what + ": not problem+json: " + response);
        assertEquals(response.status(), response.json().path("status").asInt(), () -> what + ": problem status: " + response);
    }
}
