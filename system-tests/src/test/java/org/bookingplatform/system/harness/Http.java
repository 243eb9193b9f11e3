package org.bookingplatform.system.harness;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** A small JSON-over-HTTP client, the way an app calls the gateway: a base URL and an optional bearer token. */
public final class Http {

    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final URI base;
    private final String token;

    public Http(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** The same client with a bearer token (null: anonymous). */
    public Http as(String bearerToken) {
        return new Http(base, bearerToken);
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    public ApiResponse get(String path) {
        return send(request(path).GET());
    }

    public ApiResponse post(String path, Object body) {
        return post(path, body, Map.of());
    }

    /** POST of a JSON body (a String is sent as it is, anything else as Jackson writes it). */
    public ApiResponse post(String path, Object body, Map<String, String> headers) {
        return send(withBody(request(path), "POST", body, "application/json", headers));
    }

    public ApiResponse put(String path, Object body) {
        return send(withBody(request(path), "PUT", body, "application/json", Map.of()));
    }

    public ApiResponse patch(String path, Object body, String contentType) {
        return send(withBody(request(path), "PATCH", body, contentType, Map.of()));
    }

    public ApiResponse delete(String path) {
        return send(request(path).DELETE());
    }

    /** An application/x-www-form-urlencoded POST (Keycloak's token endpoint). */
    public ApiResponse postForm(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT);
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.Builder withBody(HttpRequest.Builder builder, String method, Object body, String contentType,
                                                Map<String, String> headers) {
        String text = body instanceof String s ? s : Json.write(body);
        builder.header("Content-Type", contentType);
        headers.forEach(builder::header);
        return builder.method(method, HttpRequest.BodyPublishers.ofString(text));
    }

    private static ApiResponse send(HttpRequest.Builder builder) {
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
