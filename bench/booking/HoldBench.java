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

/**
 * The booking-service benchmark's helpers, run as a JDK single-file program (no dependencies):
 *
 *   java HoldBench.java idp PORT TOKENS_FILE CLIENTS
 *       a stand-in identity provider on 127.0.0.1:PORT serving the OpenID discovery document and the
 *       JWKS of a key made at start; it writes an operator token and CLIENTS customer tokens (RS256,
 *       Keycloak-shaped, valid for 2 hours) to TOKENS_FILE, then serves until killed.
 *
 *   java HoldBench.java setup BASE_URL TOKENS_FILE LISTINGS NIGHT LISTINGS_FILE
 *       creates LISTINGS listings with NIGHT (an instant) open for 1,000,000 holds in all, and
 *       writes their ids to LISTINGS_FILE: the holds-per-second phase (wrk with holds.lua) holds them.
 *
 *   java HoldBench.java contention BASE_URL TOKENS_FILE CLIENTS ATTEMPTS NIGHT
 *       ATTEMPTS holds of one unit, CLIENTS at a time, for NIGHT of a new listing with 5 units;
 *       prints "contention_successes=", ... lines for run.sh to read.
 */
public class HoldBench {

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "idp" -> idp(Integer.parseInt(args[1]), Path.of(args[2]), Integer.parseInt(args[3]));
            case "setup" -> setup(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Instant.parse(args[4]), Path.of(args[5]));
            case "contention" -> contention(args[1], Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Instant.parse(args[5]));
            default -> throw new IllegalArgumentException("idp, setup or contention");
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
                {"iss":"%s","aud":"booking-platform","sub":"%s","iat":%d,"exp":%d,"preferred_username":"bench","realm_access":{"roles":["%s"]}}"""
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

    static void setup(String base, Path tokensFile, int count, Instant night, Path listingsFile) throws Exception {
        String operator = Files.readAllLines(tokensFile).get(0);
        List<String> listings = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String listing = createListing(base, operator, "bench-" + i);
            openNight(base, operator, listing, night, 1_000_000 / count);
            listings.add(listing);
        }
        Files.write(listingsFile, listings);
    }

    static void contention(String base, Path tokensFile, int clients, int attempts, Instant night) throws Exception {
        List<String> tokens = Files.readAllLines(tokensFile);
        String operator = tokens.get(0);
        List<String> customers = tokens.subList(1, tokens.size());
        String scarce = createListing(base, operator, "bench-contention");
        openNight(base, operator, scarce, night, 5);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            String customer = customers.get(c % customers.size());
            workers.add(pool.submit(() -> {
                while (next.getAndIncrement() < attempts) {
                    int status = hold(base, customer, scarce, night).statusCode();
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
