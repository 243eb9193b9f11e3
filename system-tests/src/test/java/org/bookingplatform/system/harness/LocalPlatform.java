package org.bookingplatform.system.harness;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The platform as users run it: {@code ./platform} of this checkout with a data folder of its own
 * and every port from {@link SystemPorts}. No second copy of the start-up logic lives here: every
 * start and stop goes through the script and deploy/local/lib, so the harness also tests them.
 */
public final class LocalPlatform {

    private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(6);

    private final Path root;
    private final Path dataDir;
    private final Path logDir;
    private final Map<String, String> environment;

    LocalPlatform(Path root, Path dataDir, Path logDir, Map<String, String> environment) {
        this.root = root;
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The environment of every ./platform command: the ports, the data folder, the repository's
     * downloaded servers (not fetched and unpacked again per data folder), the jars the reactor
     * packaged (no build of its own), and a short hold expiry with a fast sweep.
     */
    static Map<String, String> environment(Path root, Path dataDir, SystemPorts ports, Duration holdDuration) {
        Map<String, String> env = new LinkedHashMap<>(ports.environment());
        env.put("PLATFORM_DATA_DIR", dataDir.toString());
        env.put("PLATFORM_TOOLS_DIR", System.getenv().getOrDefault("PLATFORM_TOOLS_DIR", root.resolve(".data/tools").toString()));
        env.put("PLATFORM_SKIP_BUILD", "1");
        env.put(Service.BOOKING.extraEnvVariable(),
                "BOOKING_HOLD_DURATION=" + holdDuration.toSeconds() + "s BOOKING_EXPIRY_SWEEP_INTERVAL=1s");
        return env;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** local/ of the data folder: logs, pid files, secrets.env. */
    public Path localHome() {
        return dataDir.resolve("local");
    }

    public Path log(Part part) {
        return switch (part) {
            case KAFKA -> localHome().resolve("kafka/kafka.log");
            case KEYCLOAK -> localHome().resolve("keycloak/keycloak.log");
            case POSTGRES -> localHome().resolve("postgres/data/server.log");
            default -> localHome().resolve("logs/" + part.partName() + ".log");
        };
    }

    public void up() {
        run("up");
    }

    public void down() {
        run("down");
    }

    void downAndWipe() {
        run("down", "--wipe");
    }

    /** The output of {@code ./platform status}. */
    public String status() {
        return run("status");
    }

    /** {@code ./platform stop PART}: SIGTERM, the way an orderly shutdown goes. */
    public void stop(Part part) {
        run("stop", part.partName());
    }

    /** {@code ./platform start PART}: starts it again and waits until it is ready. */
    public void start(Part part) {
        run("start", part.partName());
    }

    /** kill -9 of the part's whole process group, as a crash or the OOM killer does; start it again with {@link #start}. */
    public void kill(Part part) {
        signal(part, "KILL");
    }

    /** SIGSTOP: the process stays alive but answers nothing (a hung JVM); {@link #resume} undoes it. */
    public void pause(Part part) {
        signal(part, "STOP");
    }

    public void resume(Part part) {
        signal(part, "CONT");
    }

    /** The process id deploy/local recorded for the part. */
    public long pid(Part part) {
        Path file = part.pidFile(localHome());
        try {
            return Long.parseLong(Files.readAllLines(file).get(0).trim());
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(part.partName() + " has no pid file at " + file, e);
        }
    }

    /** The secrets ./platform made for this data folder (demo password, client secrets). */
    public Map<String, String> secrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(localHome().resolve("secrets.env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    secrets.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("no secrets.env: has ./platform up run?", e);
        }
        return secrets;
    }

    private void signal(Part part, String signal) {
        long pid = pid(part);
        // The services, Kafka and Keycloak lead a process group of their own (setsid); PostgreSQL's
        // postmaster does not, and its children follow it.
        String target = part == Part.POSTGRES ? String.valueOf(pid) : "-" + pid;
        exec(List.of("kill", "-" + signal, "--", target), "kill-" + part.partName());
    }

    /** Runs ./platform ARGS; its output goes to target/system-tests/platform-ARGS.log and is returned. */
    public String run(String... args) {
        return run(Map.of(), args);
    }

    /** Runs ./platform ARGS with more environment (e.g. SERVICE_START_GRACE=0); fails unless it exits 0. */
    public String run(Map<String, String> moreEnvironment, String... args) {
        List<String> command = new ArrayList<>();
        command.add(root.resolve("platform").toString());
        command.addAll(List.of(args));
        return exec(command, "platform-" + String.join("-", args).replace("/", "_"), moreEnvironment);
    }

    private String exec(List<String> command, String logName) {
        return exec(command, logName, Map.of());
    }

    private String exec(List<String> command, String logName, Map<String, String> moreEnvironment) {
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve(logName + ".log");
            ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            builder.environment().putAll(moreEnvironment);
            Process process = builder.start();
            if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + COMMAND_TIMEOUT + "; see " + log);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + process.exitValue() + "):\n" + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
