package org.bookingplatform.payment.support;

import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests that talk to the simulator: each test starts from a healthy provider, a
 * closed circuit breaker and no payment still pending from an earlier test, and leaves the
 * provider healthy for the next one (the simulator and the service are shared by the run).
 */
public abstract class HealthyProviderTest {

    @ConfigProperty(name = PaymentSimulatorResource.URL_PROPERTY)
    String simulatorUrl;

    @Inject
    protected CircuitBreakerMaintenance circuitBreakers;

    protected Simulator simulator;

    @BeforeEach
    void startFromAHealthyProvider() {
        PaymentStore.awaitNothingPending();
        simulator = new Simulator(simulatorUrl);
        simulator.reset();
        circuitBreakers.resetAll();
    }

    @AfterEach
    void healTheProvider() {
        simulator.heal();
    }
}
