package org.bookingplatform.notification.email;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code notification.emails} by {@code outcome}: sent; failed, an attempt the SMTP server did not
 * accept (retried); given_up once the e-mail is older than the give-up age.
 */
@ApplicationScoped
@Startup
class EmailMetrics {

    private final Counter sent;
    private final Counter failed;
    private final Counter givenUp;

    EmailMetrics(MeterRegistry registry) {
        sent = counter(registry, "sent");
        failed = counter(registry, "failed");
        givenUp = counter(registry, "given_up");
    }

    void sent() {
        sent.increment();
    }

    void failed() {
        failed.increment();
    }

    void givenUp() {
        givenUp.increment();
    }

    private static Counter counter(MeterRegistry registry, String outcome) {
        return Counter.builder("notification.emails")
                .description("E-mail send attempts, by outcome")
                .tag("outcome", outcome)
                .register(registry);
    }
}
