package org.bookingplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.bookingplatform.system.harness.ApiResponse;
import org.bookingplatform.system.harness.Customer;
import org.bookingplatform.system.harness.Http;
import org.bookingplatform.system.harness.SystemUnderTest;

/**
 * A steady booking load through the gateway: virtual customers hold a night and, most of the time, pay
 * at once; some pay with a card that is declined and retry, some never pay (the hold expires), some
 * cancel right after paying (often before the confirmation arrives). A request that fails for want of
 * a service (5xx, no answer) is retried with the same Idempotency-Key, as a client should.
 */
final class ChaosLoad implements AutoCloseable {

    private static final Duration PAUSE = Duration.ofMillis(700);
    private static final int TRIES = 4;

    private final SystemUnderTest system;
    private final List<Customer> customers;
    private final List<String> listingIds;
    private final String night;
    private final String nightEnd;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService users;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    final Set<String> bookingIds = ConcurrentHashMap.newKeySet();
    final AtomicLong holdsAttempted = new AtomicLong();
    final AtomicLong holdsRefused = new AtomicLong();
    final AtomicLong paymentsAttempted = new AtomicLong();
    final AtomicLong declinesRetried = new AtomicLong();
    final AtomicLong cancellations = new AtomicLong();
    final AtomicLong unavailableAnswers = new AtomicLong();

    ChaosLoad(SystemUnderTest system, List<Customer> customers, List<String> listingIds, String night, String nightEnd) {
        this.system = system;
        this.customers = customers;
        this.listingIds = listingIds;
        this.night = night;
        this.nightEnd = nightEnd;
        this.users = Executors.newFixedThreadPool(customers.size());
        for (Customer customer : customers) {
            tokens.put(customer.email(), system.token(customer));
            users.submit(() -> run(customer));
        }
    }

    private void run(Customer customer) {
        long tokenAt = System.nanoTime();
        while (running.get()) {
            // Keycloak's tokens last 15 minutes; a fresh one every 5, skipped while Keycloak is away.
            if (System.nanoTime() - tokenAt > TimeUnit.MINUTES.toNanos(5)) {
                try {
                    tokens.put(customer.email(), system.token(customer));
                    tokenAt = System.nanoTime();
                } catch (RuntimeException keycloakAway) {
                    // the old token is still valid for ten minutes
                }
            }
            try {
                book(system.gateway(tokens.get(customer.email())));
            } catch (RuntimeException unexpected) {
                unavailableAnswers.incrementAndGet();
            }
            sleep(PAUSE);
        }
    }

    private void book(Http me) {
        String listing = listingIds.get(ThreadLocalRandom.current().nextInt(listingIds.size()));
        holdsAttempted.incrementAndGet();
        ApiResponse hold = withRetries(() -> me.post("/api/v1/bookings", Map.of("listingId", listing, "start", night, "end", nightEnd,
                "quantity", 1), Map.of("Idempotency-Key", "chaos-hold-" + UUID.randomUUID())), "chaos-hold");
        if (hold == null || hold.status() != 201) {
            holdsRefused.incrementAndGet();
            return;
        }
        String bookingId = hold.json().path("id").asText();
        bookingIds.add(bookingId);
        int dice = ThreadLocalRandom.current().nextInt(100);
        if (dice < 10) {
            return; // never paid: the hold expires
        }
        if (dice < 20) {
            ApiResponse declined = pay(me, bookingId, "pm_card_insufficient_funds");
            if (declined == null || !"DECLINED".equals(status(declined))) {
                return;
            }
            declinesRetried.incrementAndGet();
        }
        ApiResponse paid = pay(me, bookingId, "pm_card_visa");
        if (dice >= 90 && paid != null && paid.status() == 201) {
            cancellations.incrementAndGet();
            withRetries(() -> me.post("/api/v1/bookings/" + bookingId + "/cancel", ""), "chaos-cancel");
        }
    }

    private ApiResponse pay(Http me, String bookingId, String card) {
        paymentsAttempted.incrementAndGet();
        String key = "chaos-pay-" + UUID.randomUUID();
        return withRetries(() -> me.post("/api/v1/payments", Map.of("bookingId", bookingId, "paymentMethod", card),
                Map.of("Idempotency-Key", key)), key);
    }

    /** The same request (and so the same Idempotency-Key) again while the answer says a part is away. */
    private ApiResponse withRetries(java.util.function.Supplier<ApiResponse> request, String what) {
        ApiResponse last = null;
        for (int attempt = 0; attempt < TRIES && running.get(); attempt++) {
            try {
                last = request.get();
                if (last.status() < 500 && last.status() != 429) {
                    return last;
                }
            } catch (RuntimeException noAnswer) {
                last = null;
            }
            unavailableAnswers.incrementAndGet();
            sleep(Duration.ofSeconds(2));
        }
        return last;
    }

    private static String status(ApiResponse response) {
        JsonNode json = response.status() == 201 ? response.json() : null;
        return json == null ? null : json.path("status").asText();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    List<String> bookings() {
        return new ArrayList<>(bookingIds);
    }

    @Override
    public void close() {
        running.set(false);
        users.shutdown();
        try {
            if (!users.awaitTermination(60, TimeUnit.SECONDS)) {
                users.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
