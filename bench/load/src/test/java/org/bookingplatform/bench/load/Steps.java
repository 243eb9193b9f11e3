package org.bookingplatform.bench.load;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.CheckBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.util.ArrayList;
import java.util.List;

/** A request as a logged step: its response time and status are saved before the checks that can fail it. */
final class Steps {

    private Steps() {
    }

    static ChainBuilder step(String name, HttpRequestActionBuilder request, CheckBuilder... checks) {
        List<CheckBuilder> all = new ArrayList<>();
        // Gatling stops at a step's first failing check: these two come first, so a refused request keeps its status.
        all.add(responseTimeInMillis().saveAs("rt"));
        all.add(status().saveAs("st"));
        all.addAll(List.of(checks));
        return exec(session -> session.remove("rt").remove("st"))
                .exec(request.check(all.toArray(new CheckBuilder[0])))
                .exec(session -> EventLog.record(name, session))
                .exitHereIfFailed();
    }
}
