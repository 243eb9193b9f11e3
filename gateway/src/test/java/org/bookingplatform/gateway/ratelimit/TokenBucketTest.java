package org.bookingplatform.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenBucketTest {

    private static final long SECOND = 1_000_000_000L;
    private final RateLimitPolicy twoPerSecondBurstOfFour = new RateLimitPolicy(4, 2);

    @Test
    void aFullBucketGrantsItsCapacityThenRefuses() {
        TokenBucket bucket = new TokenBucket(twoPerSecondBurstOfFour, 0);
        for (int remaining = 3; remaining >= 0; remaining--) {
            RateLimitDecision decision = bucket.take(0);
            assertTrue(decision.granted());
            assertEquals(remaining, decision.remaining());
        }
        RateLimitDecision refused = bucket.take(0);
        assertFalse(refused.granted());
        assertEquals(0, refused.remaining());
        assertEquals(1, refused.retryAfterSeconds(), "one token comes back after half a second, rounded up");
        assertEquals(2, refused.resetSeconds(), "four tokens at two per second");
    }

    @Test
    void tokensComeBackWithTimeButNeverBeyondCapacity() {
        TokenBucket bucket = new TokenBucket(twoPerSecondBurstOfFour, 0);
        for (int i = 0; i < 4; i++) {
            bucket.take(0);
        }
        RateLimitDecision afterOneSecond = bucket.take(SECOND);
        assertTrue(afterOneSecond.granted());
        assertEquals(1, afterOneSecond.remaining(), "two regained, one taken");

        RateLimitDecision afterAnHour = bucket.take(3600 * SECOND);
        assertEquals(3, afterAnHour.remaining(), "refilled to capacity, one taken");
        assertEquals(1, afterAnHour.resetSeconds());
    }

    @Test
    void aSlowRefillGivesALongRetryAfter() {
        TokenBucket bucket = new TokenBucket(new RateLimitPolicy(1, 0.1), 0);
        bucket.take(0);
        assertEquals(10, bucket.take(0).retryAfterSeconds());
    }
}
