package org.bookingplatform.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Stops and restarts the shared test Kafka, for tests of what happens while the broker is down.
 * PostgreSQL keeps running, so {@code test-infra.sh start} restarts only Kafka, on its kept data.
 * Always restart in a {@code finally}: the other test classes of the run share the broker.
 */
public final class TestKafkaBroker {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private TestKafkaBroker() {
    }

    public static void stop() {
        ProcessHandle broker = ProcessHandle.of(pid())
                .orElseThrow(() -> new IllegalStateException("the test Kafka is not running"));
        broker.destroy();
        try {
            broker.onExit().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            broker.destroyForcibly();
        }
        Instant deadline = Instant.now().plus(PATIENCE);
        while (TestInfrastructure.reachable(TestInfrastructure.kafkaPort()) && Instant.now().isBefore(deadline)) {
            sleep(100);
        }
        if (TestInfrastructure.reachable(TestInfrastructure.kafkaPort())) {
            throw new IllegalStateException("the test Kafka still listens after being stopped");
        }
    }

    public static void start() {
        TestInfrastructure.runScript("start");
    }

    private static long pid() {
        String dataRoot = System.getenv("PLATFORM_DATA_DIR");
        Path data = dataRoot == null || dataRoot.isBlank() ? TestInfrastructure.repositoryRoot().resolve(".data") : Path.of(dataRoot);
        try {
            return Long.parseLong(Files.readString(data.resolve("test/kafka/kafka.pid")).trim());
        } catch (IOException e) {
            throw new IllegalStateException("no pid file of the test Kafka under " + data, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
