package org.bookingplatform.gateway.ratelimit;

import io.vertx.core.Future;

/**
 * Where token buckets live: in process ({@link InMemoryTokenBucketStore}, one replica) or in
 * Redis ({@link RedisTokenBucketStore}: one atomic step on a server all replicas share, hence
 * asynchronous); {@code gateway.rate-limit-store.kind} picks one (docs/decisions/gateway-rate-limiting.md).
 */
public interface TokenBucketStore {

    /** Takes one token from the bucket {@code key} (created full on first use) under {@code policy}. */
    Future<RateLimitDecision> take(String key, RateLimitPolicy policy);
}
