package org.bookingplatform.notification.webhook.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RetryPolicyTest {

    private static final List<Duration> SCHEDULE = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5), Duration.ofMinutes(30));

    @Test
    void waitsFollowTheScheduleStretchedByTheJitterAndStopAfterTheLastStep() {
        RetryPolicy noJitterDrawn = new RetryPolicy(SCHEDULE, 0.2, Duration.ofHours(2), () -> 0.0);
        RetryPolicy fullJitter = new RetryPolicy(SCHEDULE, 0.2, Duration.ofHours(2), () -> 1.0);
        assertEquals(4, noJitterDrawn.maxAttempts());
        assertEquals(Optional.of(Duration.ofSeconds(5)), noJitterDrawn.nextWait(1, Optional.empty()));
        assertEquals(Optional.of(Duration.ofMinutes(5)), noJitterDrawn.nextWait(2, Optional.empty()));
        assertEquals(Optional.of(Duration.ofSeconds(6)), fullJitter.nextWait(1, Optional.empty()));
        assertEquals(Optional.of(Duration.ofMinutes(36)), fullJitter.nextWait(3, Optional.empty()));
        assertEquals(Optional.empty(), fullJitter.nextWait(4, Optional.empty()));
    }

    @Test
    void aLongerRetryAfterIsHonouredUpToTheCap() {
        RetryPolicy policy = new RetryPolicy(SCHEDULE, 0.2, Duration.ofHours(2), () -> 0.0);
        assertEquals(Optional.of(Duration.ofSeconds(120)), policy.nextWait(1, Optional.of(Duration.ofSeconds(120))));
        assertEquals(Optional.of(Duration.ofSeconds(5)), policy.nextWait(1, Optional.of(Duration.ofSeconds(1))));
        assertEquals(Optional.of(Duration.ofHours(2)), policy.nextWait(1, Optional.of(Duration.ofDays(365))));
    }
}
