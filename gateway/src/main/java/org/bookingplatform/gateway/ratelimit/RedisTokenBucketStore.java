package org.bookingplatform.gateway.ratelimit;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;
import org.bookingplatform.gateway.resilience.EventLoopTimeout;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.TimeoutException;

/**
 * Buckets in Redis, shared by every gateway replica. A take is one Lua script run on the server,
 * so refill, take and write are one atomic step however many replicas take at once, timed by the
 * server's clock so that the replicas' clocks do not matter. A bucket's key expires once the
 * bucket would be full again (the same rule as in process), so idle callers cost no memory.
 * A take that Redis does not answer within {@code gateway.rate-limit-store.timeout} fails, and
 * the rate limiter lets the request through.
 */
final class RedisTokenBucketStore implements TokenBucketStore {

    /** KEYS[1]: the bucket. ARGV: capacity, refill per second, milliseconds an empty bucket takes to fill. */
    private static final String SCRIPT = """
            local time = redis.call('TIME')
            local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
            local bucket = redis.call('HMGET', KEYS[1], 'tokens', 'at')
            local capacity = tonumber(ARGV[1])
            local tokens = tonumber(bucket[1]) or capacity
            local at = tonumber(bucket[2]) or now
            tokens = math.min(capacity, tokens + math.max(0, now - at) / 1000 * tonumber(ARGV[2]))
            local granted = 0
            if tokens >= 1 then
              tokens = tokens - 1
              granted = 1
            end
            redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return {granted, tostring(tokens)}
            """;
    private static final String SCRIPT_SHA = sha1(SCRIPT);

    private final Redis redis;
    private final Vertx vertx;
    private final long timeoutMillis;
    private final String keyPrefix;

    RedisTokenBucketStore(Redis redis, Vertx vertx, Duration timeout, String keyPrefix) {
        this.redis = redis;
        this.vertx = vertx;
        this.timeoutMillis = Math.max(1, timeout.toMillis());
        this.keyPrefix = keyPrefix;
    }

    @Override
    public Future<RateLimitDecision> take(String key, RateLimitPolicy policy) {
        // EVALSHA sends the script's digest only; a server that does not know the script yet
        // (new, restarted, failed over) answers NOSCRIPT, and EVAL then sends it whole and caches it.
        Future<Response> reply = redis.send(script(Command.EVALSHA, SCRIPT_SHA, key, policy))
                .recover(failure -> isNoScript(failure)
                        ? redis.send(script(Command.EVAL, SCRIPT, key, policy))
                        : Future.failedFuture(failure));
        return EventLoopTimeout.within(vertx, timeoutMillis, reply, this::timedOut)
                .map(answer -> RateLimitDecision.of(policy, answer.get(0).toInteger() == 1,
                        Double.parseDouble(answer.get(1).toString())));
    }

    private TimeoutException timedOut() {
        return new TimeoutException("Redis did not answer within " + timeoutMillis + " ms");
    }

    private Request script(Command command, String script, String key, RateLimitPolicy policy) {
        long millisToFill = Math.max(1, (policy.nanosToFill() + 999_999) / 1_000_000);
        return Request.cmd(command).arg(script).arg(1).arg(keyPrefix + key)
                .arg(policy.capacity()).arg(Double.toString(policy.refillPerSecond())).arg(millisToFill);
    }

    private static boolean isNoScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
