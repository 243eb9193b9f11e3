import com.sun.net.httpserver.HttpServer;

import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The booking-service benchmark's two helpers, run as a JDK single-file program (no dependencies):
 *
 *   java HoldBench.java idp PORT TOKENS_FILE CLIENTS
 *       a stand-in identity provider on 127.0.0.1:PORT serving the OpenID discovery document and the
 *       JWKS of a key made at start; it writes an operator token and CLIENTS customer tokens (RS256,
 *       Keycloak-shaped, valid for 2 hours) to TOKENS_FILE, then serves until killed.
 *
 *   java HoldBench.java load BASE_URL TOKENS_FILE CLIENTS SECONDS ATTEMPTS WARMUP_SECONDS
 *       (a) CLIENTS closed-loop clients, each on a listing of its own, hold 1 unit of a night with a
 *           fresh Idempotency-Key for SECONDS seconds (after WARMUP_SECONDS of the same): holds per second;
 *       (b) ATTEMPTS holds, CLIENTS at a time, for one night with 5 units: successes and time taken.
 *       Prints "holds_per_second=", "contention_successes=", ... lines for run.sh to read.
 */
public class HoldBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "idp" -> idp(Integer.parseInt(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "load" -> load(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            default -> throw new IllegalArgumentException("idp or load");
        }
    }

    // ---- identity provider ------------------------------------------------------------------

    static void idp(int port, Path tokensFile, int clients) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        String issuer = "http://127.0.0.1:" + port + "/realms/booking";
        RSAPublicKey pub = (RSAPublicKey) keys.getPublic();
        String discovery = """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs","token_endpoint":"%1$s/protocol/openid-connect/token",
                 "authorization_endpoint":"%1$s/protocol/openid-connect/auth","id_token_signing_alg_values_supported":["RS256"]}"""
                .formatted(issuer);
        String jwks = """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"bench","n":"%s","e":"%s"}]}"""
                .formatted(b64(unsigned(pub.getModulus())), b64(unsigned(pub.getPublicExponent())));
        HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        http.createContext("/realms/booking/.well-known/openid-configuration", exchange -> reply(exchange, discovery));
        http.createContext("/realms/booking/protocol/openid-connect/certs", exchange -> reply(exchange, jwks));
        http.start();

        List<String> tokens = new ArrayList<>();
        tokens.add(token(keys.getPrivate(), issuer, UUID.randomUUID(), "operator"));
        for (int i = 0; i < clients; i++) {
            tokens.add(token(keys.getPrivate(), issuer, UUID.randomUUID(), "customer"));
        }
        Files.write(tokensFile, tokens);
        System.out.println("identity provider on " + issuer);
    }

    static String token(PrivateKey key, String issuer, UUID subject, String role) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"bench\"}";
        String claims = """
                {"iss":"%s","sub":"%s","iat":%d,"exp":%d,"preferred_username":"bench","realm_access":{"roles":["%s"]}}"""
                .formatted(issuer, subject, now - 60, now + 7200, role);
        String signingInput = b64(header.getBytes(StandardCharsets.UTF_8)) + "." + b64(claims.getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        return signingInput + "." + b64(rsa.sign());
    }

    static void reply(com.sun.net.httpserver.HttpExchange exchange, String body) throws java.io.IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ---- load ---------------------------------------------------------------------------------

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static void load(String base, Path tokensFile, int clients, int seconds, int attempts, int warmup) throws Exception {
        List<String> tokens = Files.readAllLines(tokensFile);
        String operator = tokens.get(0);
        List<String> customers = tokens.subList(1, tokens.size());
        Instant night = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(30, ChronoUnit.DAYS);

        // (a) one listing per client, a night with room for every hold of the run.
        List<String> listings = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String listing = createListing(base, operator, "bench-" + i);
            openNight(base, operator, listing, night, 1_000_000 / clients);
            listings.add(listing);
        }
        // Warm-up: the JIT compiles the hot path before anything is measured.
        runFor(base, customers, listings, night, clients, Duration.ofSeconds(warmup));
        Result measured = runFor(base, customers, listings, night, clients, Duration.ofSeconds(seconds));
        System.out.printf("holds_per_second=%.0f%n", measured.ok / measured.seconds);
        System.out.printf("holds_total=%d%nhold_errors=%d%nhold_p50_ms=%.1f%nhold_p99_ms=%.1f%n",
                measured.ok, measured.failed, measured.p50, measured.p99);

        // (b) contention: ATTEMPTS holds of one unit, CLIENTS in flight, for 5 units.
        String scarce = createListing(base, operator, "bench-contention");
        openNight(base, operator, scarce, night, 5);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            workers.add(pool.submit(() -> {
                while (next.getAndIncrement() < attempts) {
                    int status = hold(base, customers.get(client), scarce, night).statusCode();
                    statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("contention_attempts=%d%ncontention_successes=%d%ncontention_conflicts=%d%ncontention_other=%d%ncontention_seconds=%.2f%n",
                attempts, count(statuses, 201), count(statuses, 409),
                statuses.entrySet().stream().filter(e -> e.getKey() != 201 && e.getKey() != 409).mapToInt(e -> e.getValue().get()).sum(),
                took);
    }

    record Result(long ok, long failed, double seconds, double p50, double p99) {
    }

    static Result runFor(String base, List<String> customers, List<String> listings, Instant night, int clients, Duration duration)
            throws Exception {
        LongAdder ok = new LongAdder();
        LongAdder failed = new LongAdder();
        // One bucket per millisecond, up to a minute.
        AtomicLong[] latencyBuckets = new AtomicLong[60_000];
        for (int i = 0; i < latencyBuckets.length; i++) {
            latencyBuckets[i] = new AtomicLong();
        }
        long end = System.nanoTime() + duration.toNanos();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            workers.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long sent = System.nanoTime();
                    HttpResponse<String> answer = hold(base, customers.get(client), listings.get(client), night);
                    long millis = (System.nanoTime() - sent) / 1_000_000;
                    latencyBuckets[(int) Math.min(latencyBuckets.length - 1, millis)].incrementAndGet();
                    if (answer.statusCode() == 201) {
                        ok.increment();
                    } else {
                        failed.increment();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(ok.sum(), failed.sum(), seconds, percentile(latencyBuckets, 0.50), percentile(latencyBuckets, 0.99));
    }

    static double percentile(AtomicLong[] buckets, double p) {
        long total = Arrays.stream(buckets).mapToLong(AtomicLong::get).sum();
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i].get();
            if (seen >= total * p) {
                return i + 0.5;
            }
        }
        return buckets.length;
    }

    static HttpResponse<String> hold(String base, String token, String listing, Instant night) {
        String body = """
                {"listingId":"%s","start":"%s","end":"%s","quantity":1}""".formatted(listing, night, night.plus(1, ChronoUnit.DAYS));
        return send(HttpRequest.newBuilder(URI.create(base + "/bookings"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static String createListing(String base, String operator, String name) {
        String body = """
                {"name":"%s","category":"STAY","city":"Benchville","timeZone":"UTC","slotMinutes":1440,
                 "unitPrice":{"amount":10000,"currency":"EUR"}}""".formatted(name);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/listings"))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.statusCode() != 201) {
            throw new IllegalStateException("listing not created: " + answer.statusCode() + " " + answer.body());
        }
        return answer.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }

    static void openNight(String base, String operator, String listing, Instant night, int capacity) {
        String body = """
                {"from":"%s","to":"%s","capacity":%d}""".formatted(night, night.plus(1, ChronoUnit.DAYS), capacity);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(base + "/listings/" + listing + "/inventory"))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("inventory not opened: " + answer.statusCode() + " " + answer.body());
        }
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static int count(Map<Integer, AtomicInteger> statuses, int status) {
        AtomicInteger n = statuses.get(status);
        return n == null ? 0 : n.get();
    }
}
