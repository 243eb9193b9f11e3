package org.bookingplatform.gateway.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** The gateway as several replicas run it: rate-limit buckets in a real Redis, started for these tests. */
public class SharedRateLimits implements QuarkusTestProfile {

    public static final RedisServer REDIS = new RedisServer();
    public static final String KEY_PREFIX = "test:gateway:rate-limit:";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("gateway.rate-limit-store.kind", "redis",
                "gateway.rate-limit-store.key-prefix", KEY_PREFIX);
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Server.class));
    }

    public static class Server implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            REDIS.start();
            return Map.of("quarkus.redis.hosts", REDIS.url());
        }

        @Override
        public void stop() {
            REDIS.stop();
        }
    }
}
