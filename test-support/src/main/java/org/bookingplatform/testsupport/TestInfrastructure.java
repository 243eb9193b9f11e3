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

    private static boolean started;

    private TestInfrastructure() {
    }

    public static int postgresPort() {
        return Integer.parseInt(env("TEST_PG_PORT", "55433"));
    }

    public static int kafkaPort() {
        return Integer.parseInt(env("TEST_KAFKA_PORT", "19092"));
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
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
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
