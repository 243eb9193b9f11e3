package org.bookingplatform.platform.messaging;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A Kafka broker for one test class alone, which the outbox channel publishes to and the test
 * may stop and restart at will. It runs the project's {@code deploy/local/lib/kafka.sh} on ports
 * of its own, with its data under {@code target/}. The shared test Kafka must not be stopped
 * instead: other builds run against it, and a test JVM that starts while it is down takes the
 * shared servers over and stops them all, PostgreSQL included, when it exits.
 */
public class PrivateKafkaBroker implements QuarkusTestResourceLifecycleManager {

    private static final Path HOME = Path.of("target", "private-kafka").toAbsolutePath();
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static int port;
    private static int controllerPort;

    @Override
    public Map<String, String> start() {
        port = freePort();
        controllerPort = freePort();
        deleteHome();
        startBroker();
        return Map.of("mp.messaging.outgoing." + OutboxRelay.CHANNEL + ".bootstrap.servers", bootstrapServers());
    }

    @Override
    public void stop() {
        stopBroker();
    }

    static void startBroker() {
        kafkaSh("kafka_start");
    }

    static void stopBroker() {
        kafkaSh("kafka_stop");
    }

    /**
     * Waits until {@code expected} records with the key arrived, then keeps reading a little
     * longer, so that a duplicate would be in the answer too.
     */
    static List<ConsumerRecord<String, String>> records(String topic, String key, int expected) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> matches = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            Instant end = null;
            while (Instant.now().isBefore(end == null ? deadline : end)) {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (key.equals(record.key())) {
                        matches.add(record);
                    }
                });
                if (end == null && matches.size() >= expected) {
                    end = Instant.now().plus(Duration.ofSeconds(3));
                }
            }
        }
        return matches;
    }

    private static String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    private static void kafkaSh(String function) {
        Path localDir = repositoryRoot().resolve("deploy/local");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c",
                "set -euo pipefail; source \"$0/lib/common.sh\"; source \"$0/lib/kafka.sh\"; " + function, localDir.toString())
                .redirectErrorStream(true);
        builder.environment().putAll(Map.of(
                "KAFKA_PORT", String.valueOf(port),
                "KAFKA_CONTROLLER_PORT", String.valueOf(controllerPort),
                "KAFKA_HOME_DIR", HOME.toString(),
                "KAFKA_HEAP", "-Xms64m -Xmx256m"));
        try {
            Process process = builder.start();
            // Captured, not inherited: the test JVM's stdout is Maven's channel to it.
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(function + " failed:\n" + output);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + localDir.resolve("lib/kafka.sh"), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Every run formats a new broker: the stored metadata names the ports of the previous run. */
    private static void deleteHome() {
        if (!Files.exists(HOME)) {
            return;
        }
        try (Stream<Path> files = Files.walk(HOME)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + HOME, e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path repositoryRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("deploy/local/lib/kafka.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("deploy/local/lib/kafka.sh not found above " + Path.of("").toAbsolutePath());
    }
}
