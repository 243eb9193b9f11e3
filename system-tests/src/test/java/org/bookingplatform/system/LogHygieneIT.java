package org.bookingplatform.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bookingplatform.system.harness.Customer;
import org.bookingplatform.system.harness.Http;
import org.bookingplatform.system.harness.Part;
import org.bookingplatform.system.harness.SystemTest;
import org.bookingplatform.system.harness.SystemUnderTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Last of the run (junit-platform.properties orders classes by @Order): the logs of the five services and the
 * gateway, after every other test has driven them, hold none of the e-mail addresses, passwords, client secrets
 * and access tokens the run used, nor the demo users' addresses.
 */
@SystemTest
@Order(Integer.MAX_VALUE)
class LogHygieneIT {

    private static final List<Part> OUR_PROCESSES = List.of(Part.GATEWAY, Part.BOOKING, Part.USER, Part.PAYMENT, Part.NOTIFICATION);
    private static final Set<String> DEMO_ADDRESSES = Set.of("alice@example.com", "bob@example.com", "olivia@example.com", "paula@example.com");
    /** Shorter strings (a demo user name such as "bob") would match ordinary words. */
    private static final int SHORTEST_SECRET = 8;

    @Test
    void noServiceLogsAnEmailAddressPasswordOrTokenOfTheRun(SystemUnderTest system) throws IOException {
        // Some traffic of its own, so that the check never runs on empty logs: a demo customer, a fresh one,
        // a refused token and a refused sign-up that echoes nothing back.
        Http alice = system.gateway(system.demoToken("alice"));
        assertEquals(200, alice.get("/api/v1/users/me").status());
        Customer customer = system.signUp();
        assertEquals(200, system.gateway(system.token(customer)).get("/api/v1/bookings").status());
        assertEquals(401, system.gateway(system.token(customer) + "x").get("/api/v1/bookings").status());

        Set<String> secrets = new TreeSet<>(DEMO_ADDRESSES);
        system.credentialsUsed().stream().filter(secret -> secret.length() >= SHORTEST_SECRET).forEach(secrets::add);
        assertTrue(secrets.size() > DEMO_ADDRESSES.size() + 3, "the run used credentials: " + secrets.size());

        List<String> found = new ArrayList<>();
        long lines = 0;
        for (Part part : OUR_PROCESSES) {
            Path log = system.platform().log(part);
            assertTrue(Files.size(log) > 0, "an empty log: " + log);
            try (Stream<String> content = Files.lines(log)) {
                for (String line : (Iterable<String>) content::iterator) {
                    lines++;
                    for (String secret : secrets) {
                        if (line.contains(secret)) {
                            found.add(part.partName() + ": " + describe(secret) + " in: " + line.substring(0, Math.min(line.length(), 300)));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), found.stream().limit(20).toList(), found.size() + " log lines name a credential or address");
        System.out.printf("log hygiene: %d lines of %s searched for %d addresses, passwords and tokens: none found%n",
                lines, OUR_PROCESSES, secrets.size());
    }

    /** Names the kind of secret without printing it whole. */
    private static String describe(String secret) {
        String kind = secret.contains("@") ? "an e-mail address" : secret.startsWith("eyJ") ? "a token" : "a password or secret";
        return kind + " (" + secret.substring(0, 4) + "...)";
    }
}
