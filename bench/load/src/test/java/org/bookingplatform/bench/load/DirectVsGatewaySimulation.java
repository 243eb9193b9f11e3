package org.bookingplatform.bench.load;

import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static org.bookingplatform.bench.load.Steps.step;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;

/**
 * The same anonymous search, GET listings?city=, against booking-service's own port ("direct") and
 * then through the gateway (/api/v1/listings), each by LOAD_RATIO_USERS users sending it back to back
 * for LOAD_RATIO_SECONDS (closed model: what is compared is the throughput each path sustains and
 * its latency there). Report.java drops each phase's first LOAD_RATIO_WARMUP seconds.
 */
public class DirectVsGatewaySimulation extends Simulation {

    private final String query = "?city=" + Settings.text("LOAD_CITY");
    private final Duration seconds = Duration.ofSeconds(Settings.number("LOAD_RATIO_SECONDS"));

    private ScenarioBuilder searches(String name, String url) {
        return scenario(name).during(seconds).on(step(name, http(name).get(url).header("Accept", "application/json"),
                status().is(200), jsonPath("$.items[0].id").exists()));
    }

    {
        EventLog.open(Settings.text("LOAD_EVENTS"));
        int users = Settings.number("LOAD_RATIO_USERS");
        setUp(searches("search direct", Settings.text("LOAD_BOOKING_URL") + "/listings" + query).injectOpen(atOnceUsers(users))
                .andThen(searches("search via gateway", Settings.text("LOAD_GATEWAY_URL") + "/api/v1/listings" + query)
                        .injectOpen(atOnceUsers(users))))
                .protocols(http.userAgentHeader("bench-load").disableCaching());
    }

    @Override
    public void after() {
        EventLog.close();
    }
}
