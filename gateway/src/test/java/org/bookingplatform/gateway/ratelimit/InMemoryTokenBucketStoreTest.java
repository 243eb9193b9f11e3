package org.bookingplatform.gateway.ratelimit;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InMemoryTokenBucketStoreTest {

    private final AtomicLong now = new AtomicLong(TimeUnit.HOURS.toNanos(1));

    @Test
    void bucketsAreKeptPerKey() {
        InMemoryTokenBucketStore store = new InMemoryTokenBucketStore(100, now::get);
        RateLimitPolicy one = new RateLimitPolicy(1, 0.01);

        assertTrue(store.take("a", one).result().granted());
        assertFalse(store.take("a", one).result().granted());
        assertTrue(store.take("b", one).result().granted());
    }

    @Test
    void manyCallersNeverHoldMoreThanTheBoundOfBuckets() {
        InMemoryTokenBucketStore store = new InMemoryTokenBucketStore(50, now::get);
        RateLimitPolicy policy = new RateLimitPolicy(10, 1);
        for (int i = 0; i < 10_000; i++) {
            store.take("ip:10.0." + (i / 256) + "." + (i % 256), policy);
        }
        assertTrue(store.size() <= 50, "held " + store.size());
    }

    @Test
    void anIdleBucketIsDroppedOnceItWouldBeFullAgain() {
        InMemoryTokenBucketStore store = new InMemoryTokenBucketStore(100, now::get);
        RateLimitPolicy tenSecondsToFill = new RateLimitPolicy(10, 1);
        store.take("idle", tenSecondsToFill);

        now.addAndGet(TimeUnit.SECONDS.toNanos(5));
        assertEquals(1, store.size(), "half full: still needed");

        now.addAndGet(TimeUnit.SECONDS.toNanos(10));
        assertEquals(0, store.size());
    }

    @Test
    void aBucketInUseIsKept() {
        InMemoryTokenBucketStore store = new InMemoryTokenBucketStore(100, now::get);
        RateLimitPolicy tenSecondsToFill = new RateLimitPolicy(10, 1);
        for (int second = 0; second < 30; second++) {
            store.take("busy", tenSecondsToFill);
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        }
        assertEquals(1, store.size());
    }
}
