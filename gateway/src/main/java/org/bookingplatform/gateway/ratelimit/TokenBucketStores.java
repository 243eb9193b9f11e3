package org.bookingplatform.gateway.ratelimit;

import com.github.benmanes.caffeine.cache.Ticker;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Redis;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.bookingplatform.gateway.config.GatewayConfig;

/** The store {@code gateway.rate-limit-store.kind} names; the Redis client is only created for Redis. */
@Singleton
class TokenBucketStores {

    @Produces
    @Singleton
    TokenBucketStore store(GatewayConfig config, Vertx vertx, Instance<Redis> redis) {
        GatewayConfig.RateLimitStore store = config.rateLimitStore();
        return switch (store.kind()) {
            case MEMORY -> new InMemoryTokenBucketStore(store.maxBuckets(), Ticker.systemTicker());
            case REDIS -> new RedisTokenBucketStore(redis.get(), vertx, store.timeout(), store.keyPrefix());
        };
    }
}
