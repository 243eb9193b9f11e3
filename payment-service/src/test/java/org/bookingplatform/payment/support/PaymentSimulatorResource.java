package org.bookingplatform.payment.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the packaged payment simulator (module payment-simulator) as a separate process on a free
 * port for the whole test run, and points the provider client at it. The reactor builds
 * payment-simulator before payment-service; building only this module needs the simulator built
 * once: {@code mvn -B -f payment-simulator/pom.xml package -DskipTests}.
 */
public class PaymentSimulatorResource implements QuarkusTestResourceLifecycleManager {

    public static final String URL_PROPERTY = "quarkus.rest-client.payment-provider.url";

    private static final Path JAR = Path.of("payment-simulator", "target", "quarkus-app", "quarkus-run.jar");
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);

    private Process process;

    @Override
    public Map<String, String> start() {
        Path jar = locateJar();
        int port = freePort();
        Path log = Path.of("target", "payment-simulator.log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx96m", "-XX:+UseSerialGC", "-jar", jar.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("SIMULATOR_PORT", String.valueOf(port));
            builder.environment().put("SIMULATOR_HOST", "127.0.0.1");
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the payment simulator " + jar, e);
        }
        // Also when the test JVM ends without calling stop(): never leave the simulator behind.
        Process started = process;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "payment-simulator-stop"));
        String url = "http://127.0.0.1:" + port;
        awaitReady(url, log);
        return Map.of(URL_PROPERTY, url);
    }

    @Override
    public void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path locateJar() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("payment-simulator/pom.xml"))) {
                Path jar = dir.resolve(JAR);
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException("The payment simulator is not built (" + jar + " is missing). Build it with "
                            + "`mvn -B -f payment-simulator/pom.xml package -DskipTests` from the repository root, or build "
                            + "the reactor from the root (`mvn verify`, or `-pl payment-simulator,payment-service -am`).");
                }
                return jar;
            }
        }
        throw new IllegalStateException("payment-simulator/ not found above " + Path.of("").toAbsolutePath());
    }

    private void awaitReady(String url, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url + "/q/health/ready")).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the payment simulator exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(200);
        }
        stop();
        throw new IllegalStateException("the payment simulator was not ready within " + READY_WITHIN + "; see " + log);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port for the payment simulator", e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
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
