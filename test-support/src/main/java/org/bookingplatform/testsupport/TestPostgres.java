package org.bookingplatform.testsupport;

/**
 * Stops and restarts the shared test PostgreSQL (every service database at once), for tests of
 * what a service does while its database is away. Kafka keeps running. Always restart in a
 * {@code finally}: the other test classes of the run share the server.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    /** A fast shutdown: open connections are cut, as when the database server goes away. */
    public static void stop() {
        TestInfrastructure.runScript("postgres-stop");
        if (TestInfrastructure.reachable(TestInfrastructure.postgresPort())) {
            throw new IllegalStateException("the test PostgreSQL still listens after being stopped");
        }
    }

    public static void start() {
        TestInfrastructure.runScript("postgres-start");
    }
}
