package org.bookingplatform.platform.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Hands every identity built from a bearer token to {@link VerifiedIdentities}. Runs before any
 * other augmentor, so what is kept is the provider's identity, and a cached one is augmented
 * afresh on every request exactly as a newly verified one.
 */
@ApplicationScoped
public class VerifiedIdentityRecorder implements SecurityIdentityAugmentor {

    private final VerifiedIdentities identities;

    public VerifiedIdentityRecorder(VerifiedIdentities identities) {
        this.identities = identities;
    }

    @Override
    public int priority() {
        return Integer.MAX_VALUE;
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (!identity.isAnonymous()) {
            identities.remember(identity);
        }
        return Uni.createFrom().item(identity);
    }
}
