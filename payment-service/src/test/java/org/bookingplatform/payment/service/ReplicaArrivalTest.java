package org.bookingplatform.payment.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReplicaArrivalTest {

    @Test
    void waitsThePollIntervalWhileMoreOfTheWaitIsLeft() {
        assertEquals(Duration.ofSeconds(1), ReplicaArrival.nextWait(Duration.ofSeconds(1), Duration.ofMillis(4200)));
    }

    @Test
    void waitsOnlyWhatIsLeftAtTheEnd() {
        assertEquals(Duration.ofMillis(300), ReplicaArrival.nextWait(Duration.ofSeconds(1), Duration.ofMillis(300)));
    }

    /** Found by bench/saga: a timer under a millisecond was refused by Vert.x and the request never answered. */
    @Test
    void neverWaitsLessThanAMillisecond() {
        assertEquals(Duration.ofMillis(1), ReplicaArrival.nextWait(Duration.ofSeconds(1), Duration.ofNanos(400_000)));
        assertEquals(Duration.ofMillis(1), ReplicaArrival.nextWait(Duration.ZERO, Duration.ofSeconds(3)));
    }
}
