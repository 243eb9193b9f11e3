package org.bookingplatform.gateway.ratelimit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import org.bookingplatform.gateway.support.RedisServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shared store against a real Redis server; each store instance stands for a gateway replica. */
class RedisTokenBucketStoreTest {

    private static final String PREFIX = "test:rate-limit:";
    /** Generous, so that a busy machine fails no test but the one about the timeout. */
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final RedisServer SERVER = new RedisServer();
    private static Vertx vertx;
    private static Redis firstReplica;
    private static Redis secondReplica;

    @BeforeAll
    static void start() {
        SERVER.start();
        vertx = Vertx.vertx();
        firstReplica = client(SERVER);
        secondReplica = client(SERVER);
    }

    @AfterAll
    static void stop() {
        firstReplica.close();
        secondReplica.close();
        vertx.close().toCompletionStage().toCompletableFuture().join();
        SERVER.stop();
    }

    @Test
    void grantsTheCapacityThenRefusesWithTheFiguresOfTheInProcessBucket() throws Exception {
        RateLimitPolicy policy = new RateLimitPolicy(3, 0.01);
        RedisTokenBucketStore store = store(firstReplica);
        TokenBucket inProcess = new TokenBucket(policy, 0);
        String key = newKey();

        for (int take = 1; take <= 4; take++) {
            assertEquals(inProcess.take(0), result(store.take(key, policy)), "take " + take);
        }
        RateLimitDecision refused = result(store.take(key, policy));
        assertFalse(refused.granted());
        assertEquals(0, refused.remaining());
        assertEquals(100, refused.retryAfterSeconds());
    }

    @Test
    void replicasTakeFromOneBucket() throws Exception {
        RateLimitPolicy policy = new RateLimitPolicy(4, 0.01);
        String key = newKey();
        List<Boolean> granted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            granted.add(result(store(firstReplica).take(key, policy)).granted());
            granted.add(result(store(secondReplica).take(key, policy)).granted());
        }
        assertEquals(List.of(true, true, true, true, false, false), granted);
    }

    @Test
    void parallelTakesOfTwoReplicasNeverExceedTheCapacity() throws Exception {
        RateLimitPolicy policy = new RateLimitPolicy(50, 0.01);
        String key = newKey();
        List<Future<RateLimitDecision>> takes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            takes.add(store(firstReplica).take(key, policy));
            takes.add(store(secondReplica).take(key, policy));
        }
        result(Future.join(takes));

        long granted = takes.stream().filter(take -> take.result().granted()).count();
        assertEquals(50, granted);
    }

    @Test
    void tokensComeBackAtTheRefillRate() throws Exception {
        RateLimitPolicy policy = new RateLimitPolicy(1, 20);
        RedisTokenBucketStore store = store(firstReplica);
        String key = newKey();
        assertTrue(result(store.take(key, policy)).granted());
        assertFalse(result(store.take(key, policy)).granted());

        await().atMost(Duration.ofSeconds(2)).pollDelay(Duration.ofMillis(60))
                .until(() -> result(store.take(key, policy)).granted());
    }

    @Test
    void anIdleBucketIsForgottenOnceItWouldBeFullAgain() throws Exception {
        RateLimitPolicy policy = new RateLimitPolicy(2, 10);
        String key = newKey();
        result(store(firstReplica).take(key, policy));

        long ttl = result(firstReplica.send(Request.cmd(Command.PTTL).arg(PREFIX + key))).toLong();
        assertTrue(ttl > 0 && ttl <= 200, "expires within the 200 ms a bucket of 2 takes to fill at 10/s: " + ttl);
        await().atMost(Duration.ofSeconds(2))
                .until(() -> result(firstReplica.send(Request.cmd(Command.EXISTS).arg(PREFIX + key))).toInteger() == 0);
    }

    @Test
    void aServerThatDoesNotAnswerInTimeFailsTheTake() throws Exception {
        onOwnServer((server, client) -> {
            RateLimitPolicy policy = new RateLimitPolicy(5, 1);
            assertTrue(result(store(client).take(newKey(), policy)).granted());
            // The server answers nobody for two seconds: as a stalled or overloaded Redis.
            result(client.send(Request.cmd(Command.CLIENT).arg("PAUSE").arg(2000)));

            RedisTokenBucketStore impatient = new RedisTokenBucketStore(client, vertx, Duration.ofMillis(200), PREFIX);
            ExecutionException failure = assertThrows(ExecutionException.class, () -> result(impatient.take(newKey(), policy)));
            assertInstanceOf(TimeoutException.class, failure.getCause());
        });
    }

    @Test
    void aStoppedServerFailsTheTakeAndARestartedOneServesAgainWithTheScriptSentAnew() throws Exception {
        onOwnServer((server, client) -> {
            RateLimitPolicy policy = new RateLimitPolicy(5, 1);
            RedisTokenBucketStore store = store(client);
            assertTrue(result(store.take(newKey(), policy)).granted());

            server.stop();
            assertThrows(ExecutionException.class, () -> result(store.take(newKey(), policy)));

            // A new server knows no script: EVALSHA gets NOSCRIPT and the store sends the script.
            server.start();
            await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> result(store.take(newKey(), policy)).granted());
        });
    }

    /** Runs {@code test} against a server of its own, which it may stall or stop without touching the other tests. */
    private static void onOwnServer(OwnServerTest test) throws Exception {
        RedisServer server = new RedisServer().start();
        Redis client = client(server);
        try {
            test.run(server, client);
        } finally {
            client.close();
            server.stop();
        }
    }

    private interface OwnServerTest {
        void run(RedisServer server, Redis client) throws Exception;
    }

    private static RedisTokenBucketStore store(Redis client) {
        return new RedisTokenBucketStore(client, vertx, TIMEOUT, PREFIX);
    }

    private static Redis client(RedisServer server) {
        return Redis.createClient(vertx, new RedisOptions().setConnectionString(server.url())
                .setMaxPoolSize(8).setMaxPoolWaiting(1024));
    }

    private static String newKey() {
        return "route|user:" + UUID.randomUUID();
    }

    private static <T> T result(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
