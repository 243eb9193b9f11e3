package org.bookingplatform.platform.security;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.security.Principal;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifiedIdentitiesTest {

    private static final long NOW = 1_800_000_000_000L;

    private final AtomicLong clock = new AtomicLong(NOW);

    @Test
    void keepsTheIdentityWithoutTheRequestItCameWith() {
        VerifiedIdentities identities = identities(Duration.ofSeconds(30));
        identities.remember(identity("token-a", "alice", NOW / 1000 + 300));

        SecurityIdentity kept = identities.get("token-a");

        assertNotNull(kept);
        assertEquals("alice", kept.getPrincipal().getName());
        assertEquals(Set.of("customer"), kept.getRoles());
        assertEquals("token-a", kept.getCredential(AccessTokenCredential.class).getToken());
        assertTrue(kept.checkPermission(new io.quarkus.security.StringPermission("bookings")).await().indefinitely());
        assertEquals("default", kept.getAttribute("tenant-id"));
        assertFalse(kept.getAttributes().containsKey(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE));
    }

    @Test
    void onlyTheExactTokenHits() {
        VerifiedIdentities identities = identities(Duration.ofSeconds(30));
        identities.remember(identity("token-a", "alice", NOW / 1000 + 300));

        assertNull(identities.get("token-a "));
        assertNull(identities.get("token-b"));
    }

    @Test
    void neverPastTheTtl() {
        VerifiedIdentities identities = identities(Duration.ofSeconds(30));
        identities.remember(identity("token-a", "alice", NOW / 1000 + 300));

        clock.addAndGet(29_999);
        assertNotNull(identities.get("token-a"));
        clock.addAndGet(1);
        assertNull(identities.get("token-a"));
    }

    @Test
    void neverPastTheTokensExpiry() {
        VerifiedIdentities identities = identities(Duration.ofSeconds(30));
        identities.remember(identity("token-a", "alice", NOW / 1000 + 5));

        clock.addAndGet(4_999);
        assertNotNull(identities.get("token-a"));
        clock.addAndGet(1);
        assertNull(identities.get("token-a"));
    }

    @Test
    void anExpiredTokenIsNotKept() {
        VerifiedIdentities identities = identities(Duration.ofSeconds(30));
        identities.remember(identity("token-a", "alice", NOW / 1000 - 1));

        assertNull(identities.get("token-a"));
    }

    @Test
    void aZeroTtlKeepsNothing() {
        VerifiedIdentities identities = identities(Duration.ZERO);
        identities.remember(identity("token-a", "alice", NOW / 1000 + 300));

        assertNull(identities.get("token-a"));
    }

    @Test
    void identitiesNotBuiltFromABearerJwtAreNotKept() {
        VerifiedIdentities identities = identities(Duration.ofSeconds(30));
        Principal plain = () -> "bob";
        identities.remember(QuarkusSecurityIdentity.builder().setPrincipal(plain)
                .addCredential(new AccessTokenCredential("token-b")).build());

        assertNull(identities.get("token-b"));
    }

    private VerifiedIdentities identities(Duration ttl) {
        TokenCacheConfig config = new TokenCacheConfig() {
            @Override
            public Duration ttl() {
                return ttl;
            }

            @Override
            public int maxSize() {
                return 100;
            }
        };
        return new VerifiedIdentities(config, clock::get);
    }

    private static SecurityIdentity identity(String token, String subject, long expiresAtSeconds) {
        JsonWebToken jwt = new JsonWebToken() {
            private final Map<String, Object> claims = Map.of("sub", subject, "exp", expiresAtSeconds);

            @Override
            public String getName() {
                return subject;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String claimName) {
                return (T) claims.get(claimName);
            }
        };
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(jwt)
                .addRole("customer")
                .addCredential(new AccessTokenCredential(token))
                .addPermissionAsString("bookings")
                .addAttribute("tenant-id", "default")
                .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, new Object())
                .build();
    }
}
