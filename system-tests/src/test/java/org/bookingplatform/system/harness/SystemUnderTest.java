package org.bookingplatform.system.harness;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running platform, as a test sees it: the gateway (the only API entrance), Keycloak tokens,
 * Kafka as a partner, the SMTP sink, each service's database and management port, and the
 * {@link LocalPlatform} to stop, start, kill or pause any part. Started once per test JVM by
 * {@link SystemUnderTestExtension}; see package-info for the settings.
 */
public final class SystemUnderTest {

    private static SystemUnderTest started;
    private static RuntimeException startFailure;

    private final SystemPorts ports;
    private final LocalPlatform platform;
    private final Duration holdDuration;
    private final Duration startTime;
    private Map<String, String> secrets;
    private final Set<String> credentials = ConcurrentHashMap.newKeySet();

    private SystemUnderTest(SystemPorts ports, LocalPlatform platform, Duration holdDuration, Duration startTime) {
        this.ports = ports;
        this.platform = platform;
        this.holdDuration = holdDuration;
        this.startTime = startTime;
    }

    /** The platform of this JVM, started on first use (clean data folder) and stopped when the JVM ends. */
    public static synchronized SystemUnderTest get() {
        // A platform that did not start is not started again for every test class: each fails at once, naming why.
        if (startFailure != null) {
            throw new IllegalStateException("the platform did not start for this run", startFailure);
        }
        if (started == null) {
            try {
                started = start();
            } catch (RuntimeException e) {
                startFailure = e;
                throw e;
            }
        }
        return started;
    }

    static synchronized void stopIfStarted() {
        if (started != null) {
            if (!reuse()) {
                started.platform.down();
            }
            started = null;
        }
    }

    /**
     * SYSTEM_TESTS_REUSE=1 (for working on a test): keep the platform's data and processes between runs;
     * a run starts what is not running and leaves everything up. Stop it with {@code ./platform down}
     * and the same environment (see package-info).
     */
    private static boolean reuse() {
        return "1".equals(setting("system-tests.reuse", "SYSTEM_TESTS_REUSE", "0"));
    }

    private static SystemUnderTest start() {
        Path root = Path.of(setting("system-tests.root", "SYSTEM_TESTS_ROOT", "..")).toAbsolutePath().normalize();
        SystemPorts ports = new SystemPorts(Integer.parseInt(setting("system-tests.port-base", "SYSTEM_TESTS_PORT_BASE", "27000")));
        Duration hold = Duration.parse("PT" + setting("system-tests.hold-duration", "SYSTEM_TESTS_HOLD_DURATION", "30s"));
        Path dataDir = root.resolve(".data/system-tests");
        LocalPlatform platform = new LocalPlatform(root, dataDir, root.resolve("system-tests/target/system-tests"),
                LocalPlatform.environment(root, dataDir, ports, hold));
        Instant t0 = Instant.now();
        // Every run begins clean: a platform a killed run left behind is stopped, its data deleted.
        if (!reuse()) {
            platform.downAndWipe();
        }
        platform.writeEnvironmentFile();
        Runtime.getRuntime().addShutdownHook(new Thread(SystemUnderTest::stopIfStarted, "system-tests-platform-down"));
        try {
            platform.up();
        } catch (RuntimeException e) {
            // Stop what did start (its logs stay in the data folder) unless the run keeps the platform.
            if (!reuse()) {
                platform.down();
            }
            throw e;
        }
        Duration took = Duration.between(t0, Instant.now());
        System.out.printf("system-tests: platform up in %d s (ports from %d, data %s)%n", took.toSeconds(), ports.base(), dataDir);
        return new SystemUnderTest(ports, platform, hold, took);
    }

    private static String setting(String property, String env, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(env);
        }
        return value == null || value.isBlank() ? fallback : value;
    }

    public SystemPorts ports() {
        return ports;
    }

    public LocalPlatform platform() {
        return platform;
    }

    /** How long an unpaid hold lasts in this profile (BOOKING_HOLD_DURATION; sweep every second). */
    public Duration holdDuration() {
        return holdDuration;
    }

    /** How long ./platform down --wipe and up took for this run. */
    public Duration startTime() {
        return startTime;
    }

    public URI gatewayUrl() {
        return URI.create("http://localhost:" + ports.api(Service.GATEWAY));
    }

    /** The gateway, anonymous; {@code gateway().as(token)} for a signed-in caller. */
    public Http gateway() {
        return new Http(gatewayUrl(), null);
    }

    public Http gateway(String token) {
        return new Http(gatewayUrl(), token);
    }

    /** The caller's live notification stream through the gateway, read in the background; close it after use. */
    public NotificationStream notificationStream(String token) {
        return new NotificationStream(gatewayUrl(), token);
    }

    public URI keycloakUrl() {
        return URI.create("http://localhost:" + ports.keycloak());
    }

    public Keycloak keycloak() {
        return new Keycloak(keycloakUrl());
    }

    public String token(String username, String password) {
        String token = keycloak().token(username, password);
        credentials.add(username);
        credentials.add(password);
        credentials.add(token);
        return token;
    }

    /**
     * Every user name (an e-mail address), password and access token this run signed in with: none of them
     * may appear in a service's log.
     */
    public Set<String> credentialsUsed() {
        return Set.copyOf(credentials);
    }

    /** The token of a demo user of the realm (alice, bob: customers; olivia: operator; paula: partner). */
    public String demoToken(String username) {
        return token(username, secret("DEMO_PASSWORD"));
    }

    /** A client-credentials token of the partner-demo machine client. */
    public String partnerClientToken() {
        String token = keycloak().clientToken("partner-demo", secret("PARTNER_CLIENT_SECRET"));
        credentials.add(secret("PARTNER_CLIENT_SECRET"));
        credentials.add(token);
        return token;
    }

    /** One of the secrets ./platform made for this run (DEMO_PASSWORD, PARTNER_CLIENT_SECRET, KEYCLOAK_ADMIN_PASSWORD, ...). */
    public synchronized String secret(String name) {
        if (secrets == null) {
            secrets = platform.secrets();
        }
        String value = secrets.get(name);
        if (value == null) {
            throw new IllegalStateException("no secret " + name);
        }
        return value;
    }

    /** A new customer, signed up through POST /api/v1/users (anyone may), with a unique e-mail address. */
    public Customer signUp() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String email = "customer-" + unique + "@system-tests.example";
        String password = "pw-" + UUID.randomUUID();
        String displayName = "Customer " + unique;
        Map<String, String> body = Map.of("email", email, "password", password, "displayName", displayName, "locale", "en");
        ApiResponse response = gateway().post("/api/v1/users", body);
        // Sign-ups share the anonymous bucket of this machine's address: a class that sent many waits it out, not the next one.
        for (int wait = 0; response.status() == 429 && wait < 30; wait++) {
            pause(response.header("Retry-After"));
            response = gateway().post("/api/v1/users", body);
        }
        if (response.status() != 201) {
            throw new IllegalStateException("sign-up refused: " + response);
        }
        credentials.add(email);
        credentials.add(password);
        return new Customer(UUID.fromString(response.json().path("id").asText()), email, password, displayName);
    }

    private static void pause(String retryAfter) {
        try {
            Thread.sleep(Duration.ofSeconds(retryAfter == null ? 1 : Math.min(10, Math.max(1, Long.parseLong(retryAfter.trim())))).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String token(Customer customer) {
        return token(customer.email(), customer.password());
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + ports.kafka();
    }

    /** A partner's consumer of the topic from its beginning; close it after use. */
    public PartnerConsumer partnerConsumer(String topic) {
        return new PartnerConsumer(kafkaBootstrapServers(), topic);
    }

    public SmtpSink mail() {
        return new SmtpSink(URI.create("http://127.0.0.1:" + ports.smtpApi()));
    }

    /** The payment-provider simulator (its /admin API: faults, stats). */
    public Http simulator() {
        return new Http(URI.create("http://127.0.0.1:" + ports.simulator()), null);
    }

    /** A service's management interface (health at /q/health/*, metrics at /q/metrics). */
    public URI managementUrl(Service service) {
        return URI.create("http://127.0.0.1:" + ports.management(service));
    }

    public Http management(Service service) {
        return new Http(managementUrl(service), null);
    }

    public String jdbcUrl(Service service) {
        return "jdbc:postgresql://127.0.0.1:" + ports.postgres() + "/" + service.database();
    }

    /**
     * A JDBC connection to the service's own database as its own role (deploy/local's local password:
     * the role name), for assertions on what the service stored. Close it after use.
     */
    public Connection database(Service service) {
        try {
            return DriverManager.getConnection(jdbcUrl(service), service.database(), service.database());
        } catch (SQLException e) {
            throw new IllegalStateException("no connection to " + jdbcUrl(service), e);
        }
    }
}
