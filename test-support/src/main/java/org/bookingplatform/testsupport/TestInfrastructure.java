package org.bookingplatform.testsupport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The real PostgreSQL and Kafka that integration tests run against, started once and shared
 * by every test class of a run. When the test command ({@code ./platform test}) already started
 * them, they are reused; when a developer runs one module's tests alone, the first test starts
 * them through {@code deploy/local/test-infra.sh} and a shutdown hook stops them again.
 * Ports differ from the local platform's, so both can run at the same time.
 */
public final class TestInfrastructure {

    public static final String HOST = "127.0.0.1";

    /** The test realm's confidential user-service client secret (fixed in deploy/local/test-infra.sh). */
    public static final String USER_SERVICE_CLIENT_SECRET = "test-user-service-secret";
    /** The test realm's partner-demo client secret (fixed in deploy/local/test-infra.sh). */
    public static final String PARTNER_CLIENT_SECRET = "test-partner-secret";
    /** The password of the realm's demo users (alice, bob, olivia, paula) in the test Keycloak. */
    public static final String DEMO_PASSWORD = "test-demo-password";

    private static boolean started;
    private static boolean keycloakStarted;

    private TestInfrastructure() {
    }

    public static int postgresPort() {
        return Integer.parseInt(env("TEST_PG_PORT", "55433"));
    }

    public static int kafkaPort() {
        return Integer.parseInt(env("TEST_KAFKA_PORT", "19092"));
    }

    public static int keycloakPort() {
        return Integer.parseInt(env("TEST_KEYCLOAK_PORT", "18180"));
    }

    /**
     * Starts the test Keycloak if needed (the same distribution and realm file as the local
     * platform, 15-35 s) and returns its base URL, as it names itself in token issuers. Only the
     * tests that need a real Keycloak call this, so other modules' runs never pay for it. Once
     * started it serves every later test class of the run; {@code ./platform test} stops it at the
     * end of the whole run (TEST_INFRA_MANAGED), a module run on its own at JVM exit.
     */
    public static synchronized String keycloakUrl() {
        ensureStarted();
        if (!keycloakStarted && !reachable(keycloakPort())) {
            runScript("start-keycloak");
            if (System.getenv("TEST_INFRA_MANAGED") == null) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> runScript("stop-keycloak"), "test-keycloak-stop"));
            }
        }
        keycloakStarted = true;
        return "http://localhost:" + keycloakPort();
    }

    /** Starts the infrastructure if needed and returns Kafka's bootstrap servers. */
    public static String kafkaBootstrapServers() {
        ensureStarted();
        return HOST + ":" + kafkaPort();
    }

    /** Starts the infrastructure if needed and returns a JDBC URL for one service database. */
    public static String jdbcUrl(String database) {
        ensureStarted();
        return "jdbc:postgresql://" + HOST + ":" + postgresPort() + "/" + database;
    }

    public static synchronized void ensureStarted() {
        if (started) {
            return;
        }
        boolean postgresUp = reachable(postgresPort());
        boolean kafkaUp = reachable(kafkaPort());
        if (!(postgresUp && kafkaUp)) {
            runScript("start");
            // Stop only what this JVM brought up from nothing: a half-running infrastructure
            // belongs to someone else (a test that has Kafka down on purpose, a parallel run).
            if (!postgresUp && !kafkaUp) {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> runScript("stop"), "test-infra-stop"));
            }
        }
        started = true;
    }

    static void runScript(String command) {
        Path script = repositoryRoot().resolve("deploy/local/test-infra.sh");
        try {
            Process process = new ProcessBuilder("bash", script.toString(), command).inheritIO().start();
            if (!process.waitFor(300, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + command + " failed (exit " + process.exitValue() + ")");
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }

    static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/local/test-infra.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/local/test-infra.sh not found above " + Path.of("").toAbsolutePath());
    }

    static boolean reachable(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(HOST, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
