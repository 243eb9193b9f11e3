import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The saga benchmark's load generator, a JDK single-file program (no dependencies):
 *
 *   java SagaBench.java GATEWAY_URL TOKENS_FILE LISTINGS_FILE NIGHT RATE SECONDS IDS_FILE
 *
 * Starts one booking every 1/RATE s for SECONDS, on a fixed schedule (open model: a slow answer
 * never delays the next arrival, so queueing shows in the latencies instead of being hidden).
 * Each booking is a hold (POST /api/v1/bookings) followed, as soon as its 201 arrives, by its
 * payment with the simulator's card pm_card_visa (POST /api/v1/payments). A payment refused with
 * 404 or 409 (payment-service has not yet consumed the booking.held event) is counted and sent
 * again with the same Idempotency-Key, 10 ms later and then at twice the previous wait (at most
 * 1 s), for up to 30 s, as a client would (so that retries do not flood the 2 cores). Writes the
 * ids of the bookings held to IDS_FILE and prints "key=value" lines for run.sh. The latencies are
 * not measured here: run.sh reads them from the services' databases.
 */
public class SagaBench {

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    static final Pattern DETAIL = Pattern.compile("\"detail\"\\s*:\\s*\"([^\"]*)\"");
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Duration RETRY_FOR = Duration.ofSeconds(30);
    static final long FIRST_RETRY_MS = 10;
    static final long LONGEST_RETRY_MS = 1000;

    final String gateway;
    final List<String> customers;
    final List<String> listings;
    final Instant night;
    final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
    final Map<String, AtomicInteger> holdStatuses = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> paymentStatuses = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> paymentRefusals = new ConcurrentHashMap<>();
    final AtomicInteger refused = new AtomicInteger();
    final Queue<String> held = new ConcurrentLinkedQueue<>();

    SagaBench(String gateway, List<String> customers, List<String> listings, Instant night) {
        this.gateway = gateway;
        this.customers = customers;
        this.listings = listings;
        this.night = night;
    }

    public static void main(String[] args) throws Exception {
        List<String> tokens = Files.readAllLines(Path.of(args[1]));
        SagaBench bench = new SagaBench(args[0], tokens.subList(1, tokens.size()), Files.readAllLines(Path.of(args[2])),
                Instant.parse(args[3]));
        double rate = Double.parseDouble(args[4]);
        int seconds = Integer.parseInt(args[5]);
        bench.run(rate, seconds, Path.of(args[6]));
        System.exit(0);
    }

    void run(double rate, int seconds, Path idsFile) throws Exception {
        int total = (int) Math.round(rate * seconds);
        long intervalNanos = (long) (1e9 / rate);
        CompletableFuture<?>[] bookings = new CompletableFuture<?>[total];
        long start = System.nanoTime();
        long late = 0;
        for (int i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            } else {
                late = Math.max(late, -wait);
            }
            bookings[i] = book(customers.get(i % customers.size()), listings.get(i % listings.size()));
        }
        double sent = (System.nanoTime() - start) / 1e9;
        CompletableFuture.allOf(bookings).get(120, TimeUnit.SECONDS);
        Files.write(idsFile, held);
        System.out.printf("bookings_started=%d%nstart_seconds=%.2f%nmax_start_lag_ms=%.1f%nholds=%d%nhold_statuses=%s%n"
                        + "payment_statuses=%s%npayments_refused=%d%npayment_final_refusals=%s%n",
                total, sent, late / 1e6, held.size(), new TreeMap<>(holdStatuses), new TreeMap<>(paymentStatuses), refused.get(),
                new TreeMap<>(paymentRefusals));
    }

    CompletableFuture<Void> book(String customer, String listing) {
        String body = """
                {"listingId":"%s","start":"%s","end":"%s","quantity":1}""".formatted(listing, night, night.plus(1, ChronoUnit.DAYS));
        return post("/api/v1/bookings", customer, UUID.randomUUID().toString(), body)
                .thenCompose(answer -> {
                    count(holdStatuses, answer.statusCode());
                    Matcher id = ID.matcher(answer.body());
                    if (answer.statusCode() != 201 || !id.find()) {
                        return CompletableFuture.completedFuture(null);
                    }
                    held.add(id.group(1));
                    return pay(customer, id.group(1), UUID.randomUUID().toString(), System.nanoTime() + RETRY_FOR.toNanos(),
                            FIRST_RETRY_MS);
                })
                .exceptionally(failure -> {
                    count(holdStatuses, -1);
                    return null;
                });
    }

    CompletableFuture<Void> pay(String customer, String booking, String key, long giveUpAt, long retryMs) {
        String body = """
                {"bookingId":"%s","paymentMethod":"pm_card_visa"}""".formatted(booking);
        return post("/api/v1/payments", customer, key, body).thenCompose(answer -> {
            int status = answer.statusCode();
            if ((status == 404 || status == 409) && System.nanoTime() < giveUpAt) {
                refused.incrementAndGet();
                CompletableFuture<Void> again = new CompletableFuture<>();
                timer.schedule(() -> pay(customer, booking, key, giveUpAt, Math.min(2 * retryMs, LONGEST_RETRY_MS))
                        .whenComplete((v, e) -> again.complete(null)), retryMs, TimeUnit.MILLISECONDS);
                return again;
            }
            count(paymentStatuses, status);
            if (status >= 400) {
                paymentRefusals.computeIfAbsent(status + " " + detail(answer.body()), d -> new AtomicInteger()).incrementAndGet();
            }
            return CompletableFuture.<Void>completedFuture(null);
        }).exceptionally(failure -> {
            count(paymentStatuses, -1);
            return null;
        });
    }

    CompletableFuture<HttpResponse<String>> post(String path, String token, String key, String body) {
        return HTTP.sendAsync(HttpRequest.newBuilder(URI.create(gateway + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Which service refused, and why: the problem's detail, ids masked so that equal causes add up. */
    static String detail(String body) {
        Matcher detail = DETAIL.matcher(body);
        return detail.find() ? UUID_TEXT.matcher(detail.group(1)).replaceAll("*") : "(no problem detail)";
    }

    static void count(Map<String, AtomicInteger> statuses, int status) {
        statuses.computeIfAbsent(status < 0 ? "error" : String.valueOf(status), s -> new AtomicInteger()).incrementAndGet();
    }
}
