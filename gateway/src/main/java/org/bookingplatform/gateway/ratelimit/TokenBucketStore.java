package org.bookingplatform.gateway.ratelimit;

import io.vertx.core.Future;

/**
 * Where token buckets live. The in-process store suits one replica; replicas that must share
 * limits use a store whose take is one atomic step on a shared server (see
 * docs/decisions/gateway-rate-limiting.md for the Redis design). Asynchronous for that reason.
 */
public interface TokenBucketStore {

    /** Takes one token from the bucket {@code key} (created full on first use) under {@code policy}. */
    Future<RateLimitDecision> take(String key, RateLimitPolicy policy);
}
