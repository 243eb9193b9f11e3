package org.bookingplatform.platform.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Identities that quarkus-oidc built from bearer tokens it verified a moment ago, keyed by the
 * exact token, so that a client's next requests with the same token skip the RS256 check and the
 * token's repeated JSON parsing (a quarter of booking-service's CPU per hold: docs/benchmarks.md).
 * An identity is kept no longer than {@code platform.security.token-cache.ttl} and never past its
 * token's expiry. The price: a token whose signing key Keycloak withdraws is still admitted here
 * for at most that TTL.
 * <p>
 * What is kept is the identity as quarkus-oidc's provider built it, before any augmentor, and
 * without the request it came with, so that nothing of one request outlives it or leaks into the
 * next.
 */
@Singleton
public class VerifiedIdentities {

    private final Cache<String, Verified> verified;
    private final long ttlMillis;
    private final LongSupplier clock;

    @Inject
    public VerifiedIdentities(TokenCacheConfig config) {
        this(config, System::currentTimeMillis);
    }

    VerifiedIdentities(TokenCacheConfig config, LongSupplier clock) {
        this.ttlMillis = config.ttl().toMillis();
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(config.maxSize())
                .expireAfterWrite(Duration.ofMillis(Math.max(1, ttlMillis)))
                // Upkeep on the request's own thread: handed to the common pool, it cost a thread
                // wake-up per batch of reads, more than the upkeep itself.
                .executor(Runnable::run)
                .build();
    }

    private record Verified(SecurityIdentity identity, long keptUntilMillis) {
    }

    /** The identity of {@code token} if it was verified recently and has not expired since, else null. */
    SecurityIdentity get(String token) {
        Verified entry = verified.getIfPresent(token);
        if (entry == null || clock.getAsLong() >= entry.keptUntilMillis()) {
            return null;
        }
        return entry.identity();
    }

    /** Keeps an identity that quarkus-oidc built from a bearer JWT; any other identity is ignored. */
    void remember(SecurityIdentity identity) {
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        if (ttlMillis <= 0 || token == null || !(identity.getPrincipal() instanceof JsonWebToken jwt)
                || !(identity instanceof QuarkusSecurityIdentity built)) {
            return;
        }
        long now = clock.getAsLong();
        long keptUntil = Math.min(now + ttlMillis, jwt.getExpirationTime() * 1000);
        if (keptUntil > now) {
            // Every request with a cached token passes here too: copy the identity only for a new token.
            verified.asMap().computeIfAbsent(token.getToken(), ignored -> new Verified(withoutRequest(built), keptUntil));
        }
    }

    /** A copy without the routing context of the request that brought the token. */
    private static SecurityIdentity withoutRequest(QuarkusSecurityIdentity identity) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.remove(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addRoles(identity.getRoles())
                .addCredentials(identity.getCredentials())
                .addAttributes(attributes)
                .addPermissions(identity.getPermissions())
                .build();
    }
}
