package org.bookingplatform.gateway.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in service: a real HTTP server on a fixed free port that records every request and,
 * unless told otherwise, echoes it back as JSON ({method, path, query, headers, body}).
 * Tests script answers per path, make a path fail a number of times, stream server-sent events
 * on any path ending in /events, and stop and restart the server on the same port.
 */
public final class StubService {

    private final String name;
    private final int port;
    private final List<Recorded> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Reply> scripted = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    private volatile CountDownLatch streamGate = new CountDownLatch(1);
    private ExecutorService executor;
    private HttpServer server;

    public StubService(String name) {
        this.name = name;
        this.port = FreePorts.any();
    }

    public record Recorded(String method, String path, String query, Map<String, List<String>> headers, String body) {
        public String header(String headerName) {
            List<String> values = headers.get(headerName.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    /** A scripted answer; {@code headers} may hold any response header, {@code delayMillis} a pause before it. */
    public record Reply(int status, Map<String, String> headers, String body, long delayMillis) {
        public static Reply json(int status, String body) {
            return new Reply(status, Map.of("Content-Type", "application/json"), body, 0);
        }

        public static Reply problem(int status, String detail) {
            return new Reply(status, Map.of("Content-Type", "application/problem+json"),
                    "{\"type\":\"about:blank\",\"title\":\"from " + status + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}", 0);
        }

        public Reply after(long millis) {
            return new Reply(status, headers, body, millis);
        }
    }

    public synchronized StubService start() {
        try {
            executor = Executors.newCachedThreadPool();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
            server.setExecutor(executor);
            server.createContext("/", this::handle);
            server.start();
            return this;
        } catch (IOException e) {
            throw new IllegalStateException(name + " could not start on port " + port, e);
        }
    }

    public synchronized void stop() {
        streamGate.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Answers requests for {@code pathAndQuery} (exact, or the path alone) with {@code reply}. */
    public void script(String pathAndQuery, Reply reply) {
        scripted.put(pathAndQuery, reply);
    }

    /** The next {@code times} requests for {@code path} get {@code status} before it behaves normally. */
    public void failNext(String path, int times, int status) {
        failures.put(path, new AtomicInteger(times));
        scripted.putIfAbsent("!fail:" + path, Reply.problem(status, "failing on purpose"));
    }

    /** Lets the current event streams send their last event and end. */
    public void releaseStreams() {
        CountDownLatch gate = streamGate;
        streamGate = new CountDownLatch(1);
        gate.countDown();
    }

    /** How many requests reached this service so far, on any path. */
    public int received() {
        return requests.size();
    }

    public List<Recorded> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    public Recorded last(String path) {
        List<Recorded> matching = requests(path);
        if (matching.isEmpty()) {
            throw new AssertionError(name + " received no request for " + path);
        }
        return matching.get(matching.size() - 1);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            String query = exchange.getRequestURI().getRawQuery();
            String body = new String(readAll(exchange.getRequestBody()), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new java.util.TreeMap<>();
            exchange.getRequestHeaders().forEach((key, values) -> headers.put(key.toLowerCase(Locale.ROOT), List.copyOf(values)));
            Recorded recorded = new Recorded(exchange.getRequestMethod(), path, query, headers, body);
            requests.add(recorded);

            AtomicInteger failing = failures.get(path);
            if (failing != null && failing.getAndDecrement() > 0) {
                send(exchange, scripted.get("!fail:" + path));
                return;
            }
            Reply reply = scripted.get(query == null ? path : path + "?" + query);
            if (reply == null) {
                reply = scripted.get(path);
            }
            if (reply != null) {
                send(exchange, reply);
            } else if (path.endsWith("/events")) {
                stream(exchange);
            } else {
                send(exchange, Reply.json(200, echo(recorded).encode()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stream(HttpExchange exchange) throws IOException, InterruptedException {
        CountDownLatch gate = streamGate;
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        out.write("id: 1\ndata: first\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
        gate.await(10, TimeUnit.SECONDS);
        out.write("id: 2\ndata: second\n\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException, InterruptedException {
        if (reply.delayMillis() > 0) {
            Thread.sleep(reply.delayMillis());
        }
        reply.headers().forEach((key, value) -> exchange.getResponseHeaders().add(key, value));
        byte[] bytes = reply.body() == null ? new byte[0] : reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
    }

    private static JsonObject echo(Recorded recorded) {
        JsonObject headers = new JsonObject();
        recorded.headers().forEach((key, values) -> headers.put(key, new JsonArray(values)));
        return new JsonObject()
                .put("method", recorded.method())
                .put("path", recorded.path())
                .put("query", recorded.query())
                .put("headers", headers)
                .put("body", recorded.body());
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
