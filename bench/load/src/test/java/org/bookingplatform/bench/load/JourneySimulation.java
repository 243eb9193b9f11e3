package org.bookingplatform.bench.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAs;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.bookingplatform.bench.load.Steps.step;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole journey of a new customer through the gateway, one virtual user per journey, arriving at
 * a fixed rate whatever the answers (open model): sign up, token from Keycloak (password grant of the
 * public client booking-web), search, availability of a listing, hold with an Idempotency-Key, payment
 * with the simulator's card pm_card_visa, then the booking polled every LOAD_POLL_MS until CONFIRMED.
 * A step that fails ends its journey (counted as an error of that step).
 */
public class JourneySimulation extends Simulation {

    private static final AtomicLong JOURNEYS = new AtomicLong();

    private final String run = Settings.text("LOAD_RUN_ID");
    private final String keycloak = Settings.text("LOAD_KEYCLOAK_URL");
    private final List<String> listings = Settings.words("LOAD_LISTINGS");
    private final String city = Settings.text("LOAD_CITY");
    private final Instant firstNight = Instant.parse(Settings.text("LOAD_FIRST_NIGHT"));
    private final int nights = Settings.number("LOAD_NIGHTS");
    private final long pollMs = Settings.number("LOAD_POLL_MS");
    private final long confirmTimeoutMs = Settings.number("LOAD_CONFIRM_TIMEOUT_S") * 1000L;

    private final HttpProtocolBuilder protocol = http.baseUrl(Settings.text("LOAD_GATEWAY_URL"))
            .acceptHeader("application/json")
            .userAgentHeader("bench-load")
            .disableCaching();

    private final ScenarioBuilder journey = scenario("journey")
            .exec(session -> {
                long n = JOURNEYS.incrementAndGet();
                Instant night = firstNight.plus(ThreadLocalRandom.current().nextInt(nights), ChronoUnit.DAYS);
                return session.set("journeyStart", System.currentTimeMillis())
                        .set("email", "load-" + run + "-" + n + "@bench.example")
                        .set("password", "load-password-" + run + "-" + n)
                        .set("listing", listings.get((int) (n % listings.size())))
                        .set("night", night.toString())
                        .set("nightEnd", night.plus(1, ChronoUnit.DAYS).toString())
                        .set("holdKey", "load-hold-" + run + "-" + n);
            })
            .exec(step("sign up", http("sign up").post("/api/v1/users").asJson()
                    .body(StringBody("{\"email\":\"#{email}\",\"password\":\"#{password}\",\"displayName\":\"Load #{email}\",\"locale\":\"en\"}")),
                    status().is(201)))
            .exec(step("token", http("token").post(keycloak + "/realms/booking/protocol/openid-connect/token")
                    .formParam("grant_type", "password").formParam("client_id", "booking-web")
                    .formParam("username", "#{email}").formParam("password", "#{password}"),
                    status().is(200), jsonPath("$.access_token").saveAs("token")))
            .exec(step("search", http("search").get("/api/v1/listings?city=" + city + "&from=#{night}&to=#{nightEnd}&quantity=1"),
                    status().is(200), jsonPath("$.items[0].id").exists()))
            .exec(step("availability", http("availability").get("/api/v1/listings/#{listing}/availability?from=#{night}&to=#{nightEnd}"),
                    status().is(200), jsonPath("$.items[0].remaining").exists()))
            .exec(step("hold", http("hold").post("/api/v1/bookings").asJson()
                    .header("Authorization", "Bearer #{token}").header("Idempotency-Key", "#{holdKey}")
                    .body(StringBody("{\"listingId\":\"#{listing}\",\"start\":\"#{night}\",\"end\":\"#{nightEnd}\",\"quantity\":1}")),
                    status().is(201), jsonPath("$.id").saveAs("bookingId")))
            .exec(session -> session.set("heldAt", System.currentTimeMillis()).set("bookingStatus", "PENDING_PAYMENT"))
            .exec(step("pay", http("pay").post("/api/v1/payments").asJson()
                    .header("Authorization", "Bearer #{token}").header("Idempotency-Key", "load-pay-#{bookingId}")
                    .body(StringBody("{\"bookingId\":\"#{bookingId}\",\"paymentMethod\":\"pm_card_visa\"}")),
                    status().is(201)))
            .exec(asLongAs(session -> !"CONFIRMED".equals(session.getString("bookingStatus"))
                    && System.currentTimeMillis() - session.getLong("heldAt") < confirmTimeoutMs).on(
                    pause(Duration.ofMillis(pollMs)),
                    step("booking status", http("booking status").get("/api/v1/bookings/#{bookingId}")
                            .header("Authorization", "Bearer #{token}"),
                            status().is(200), jsonPath("$.status").saveAs("bookingStatus"))))
            // hold -> CONFIRMED as the customer sees it: from the hold's 201 to the first answer saying CONFIRMED.
            .exec(session -> {
                boolean confirmed = "CONFIRMED".equals(session.getString("bookingStatus"));
                EventLog.write("hold -> CONFIRMED", System.currentTimeMillis() - session.getLong("heldAt"), 0, confirmed,
                        session.getLong("journeyStart"));
                return session;
            });

    {
        EventLog.open(Settings.text("LOAD_EVENTS"));
        double rate = Settings.decimal("LOAD_RATE");
        int seconds = Settings.number("LOAD_WARMUP") + Settings.number("LOAD_SECONDS");
        setUp(journey.injectOpen(constantUsersPerSec(rate).during(Duration.ofSeconds(seconds)))).protocols(protocol);
    }

    @Override
    public void after() {
        EventLog.close();
    }
}
