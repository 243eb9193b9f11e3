/**
 * The system-tests harness: the whole platform as users run it, started once per test run.
 *
 * <h2>What runs</h2>
 * {@code ./platform up} of this checkout (deploy/local's scripts, no second copy) with
 * <ul>
 *   <li>{@code PLATFORM_DATA_DIR=.data/system-tests} (wiped at every start: each run begins clean;
 *       logs stay there afterwards, under {@code local/logs}, {@code local/kafka}, {@code local/keycloak}),</li>
 *   <li>{@code PLATFORM_TOOLS_DIR=.data/tools} (Kafka, Keycloak and GreenMail as {@code ./platform up}
 *       downloaded them; fetched once if missing),</li>
 *   <li>{@code PLATFORM_SKIP_BUILD=1} (the Maven reactor packaged the services before this module),</li>
 *   <li>every port from one base ({@link org.bookingplatform.system.harness.SystemPorts}: system property
 *       {@code system-tests.port-base} or env {@code SYSTEM_TESTS_PORT_BASE}, default 27000: gateway 27000,
 *       services 27001-27004, management 27010-27014, Keycloak 27020/27021, Kafka 27030/27031,
 *       PostgreSQL 27040, simulator 27050, SMTP 27060, its web API 27061),</li>
 *   <li>unpaid holds expiring after {@code SYSTEM_TESTS_HOLD_DURATION} (default 30s) with a sweep every
 *       second ({@code BOOKING_EXTRA_ENV}).</li>
 * </ul>
 * Output of each {@code ./platform} command: {@code system-tests/target/system-tests/platform-*.log}.
 *
 * <h2>Writing a test</h2>
 * Annotate the class {@link org.bookingplatform.system.harness.SystemTest @SystemTest}, name it
 * {@code *IT}, and take a {@link org.bookingplatform.system.harness.SystemUnderTest} parameter:
 * <ul>
 *   <li>{@code gateway()} / {@code gateway(token)}: an {@link org.bookingplatform.system.harness.Http}
 *       client of the gateway (get, post, put, patch, delete; {@link org.bookingplatform.system.harness.ApiResponse}
 *       has status, headers, body and {@code json()}),</li>
 *   <li>{@code token(user, password)}, {@code demoToken("alice"|"bob"|"olivia"|"paula")},
 *       {@code partnerClientToken()}, {@code keycloak().login(...)} (the raw answer), {@code secret(name)},</li>
 *   <li>{@code signUp()}: a fresh customer through {@code POST /api/v1/users}; {@code token(customer)},</li>
 *   <li>{@code partnerConsumer("booking.events")}: a Kafka consumer from the topic's beginning,</li>
 *   <li>{@code mail().messages(address)}: what the SMTP sink received,</li>
 *   <li>{@code database(Service.BOOKING)}: JDBC as the service's own role; {@code management(Service.X)}:
 *       health and metrics; {@code simulator()}: the provider's {@code /admin} API (faults, stats),</li>
 *   <li>{@code platform()}: {@link org.bookingplatform.system.harness.LocalPlatform} — {@code stop(Part)} and
 *       {@code start(Part)} through {@code ./platform stop|start PART}, {@code kill(Part)} (kill -9 of its process
 *       group), {@code pause(Part)}/{@code resume(Part)} (SIGSTOP/SIGCONT), {@code status()}, {@code log(Part)}.
 *       A test that stops or breaks a part must leave it running again.</li>
 * </ul>
 * Run only these tests: {@code mvn -B -pl system-tests -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false
 * -Dit.test='org.bookingplatform.system.**' -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
package org.bookingplatform.system.harness;
