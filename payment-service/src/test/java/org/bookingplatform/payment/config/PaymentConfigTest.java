package org.bookingplatform.payment.config;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PaymentConfigTest {

    private static final Duration BASE = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofMinutes(5);

    @Test
    void backoffDoublesAfterEachFailureFromTheBase() {
        assertEquals(Duration.ofSeconds(5), PaymentConfig.backoff(BASE, MAX, 1));
        assertEquals(Duration.ofSeconds(10), PaymentConfig.backoff(BASE, MAX, 2));
        assertEquals(Duration.ofSeconds(40), PaymentConfig.backoff(BASE, MAX, 4));
    }

    @Test
    void backoffNeverExceedsTheMaximumHoweverManyFailures() {
        assertEquals(MAX, PaymentConfig.backoff(BASE, MAX, 7));
        assertEquals(MAX, PaymentConfig.backoff(BASE, MAX, 1_000));
    }
}
