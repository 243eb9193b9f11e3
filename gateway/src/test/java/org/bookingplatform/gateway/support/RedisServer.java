package org.bookingplatform.gateway.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A real Redis: the redis-server binary (Debian package redis-server, or REDIS_SERVER naming
 * one) on a free loopback port, nothing persisted. Tests stop it and start it again on the same
 * port, as an outage and a recovery.
 */
public final class RedisServer {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(10);

    private final int port = FreePorts.any();
    private Process process;

    public int port() {
        return port;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public synchronized RedisServer start() {
        try {
            Path log = Files.createDirectories(Path.of("target")).resolve("redis-" + port + ".log");
            process = new ProcessBuilder(binary(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
                    "--save", "", "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("redis-server did not start; install it (Debian/Ubuntu: apt-get install redis-server)", e);
        }
        Process started = process;
        await("redis-server on port " + port + " (log: target/redis-" + port + ".log)")
                .atMost(START_TIMEOUT).pollInterval(Duration.ofMillis(50))
                .failFast("redis-server exited", () -> !started.isAlive())
                .until(this::answersPing);
        return this;
    }

    public synchronized void stop() {
        if (process == null) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private boolean answersPing() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] reply = in.readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    private static String binary() {
        String configured = System.getenv("REDIS_SERVER");
        return configured == null || configured.isBlank() ? "redis-server" : configured;
    }
}
