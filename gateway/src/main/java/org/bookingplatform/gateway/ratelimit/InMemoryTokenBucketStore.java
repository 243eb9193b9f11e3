package org.bookingplatform.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Future;

/**
 * Buckets in this process's memory, for a single replica. Memory stays bounded: a bucket left
 * alone until it would be full again is dropped (recreating it full changes nothing), and past
 * {@code gateway.rate-limit-store.max-buckets} the least valuable buckets go first.
 */
final class InMemoryTokenBucketStore implements TokenBucketStore {

    private final Cache<String, TokenBucket> buckets;
    private final Ticker clock;

    /** {@code clock}: nanoseconds, for refills and for idleness alike. */
    InMemoryTokenBucketStore(long maxBuckets, Ticker clock) {
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .expireAfter(new IdleUntilFull())
                .ticker(clock)
                // Upkeep on the event loop rather than a wake-up of the common pool (see VerifiedTokens).
                .executor(Runnable::run)
                .build();
    }

    @Override
    public Future<RateLimitDecision> take(String key, RateLimitPolicy policy) {
        long now = clock.read();
        TokenBucket bucket = buckets.get(key, k -> new TokenBucket(policy, now));
        return Future.succeededFuture(bucket.take(now));
    }

    /** Buckets currently held, after dropping the idle ones. */
    long size() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private static final class IdleUntilFull implements Expiry<String, TokenBucket> {
        @Override
        public long expireAfterCreate(String key, TokenBucket bucket, long currentTime) {
            return bucket.policy().nanosToFill();
        }

        @Override
        public long expireAfterUpdate(String key, TokenBucket bucket, long currentTime, long currentDuration) {
            return bucket.policy().nanosToFill();
        }

        @Override
        public long expireAfterRead(String key, TokenBucket bucket, long currentTime, long currentDuration) {
            return bucket.policy().nanosToFill();
        }
    }
}
