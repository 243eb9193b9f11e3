package org.bookingplatform.notification.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.ErasedUser;

import java.util.UUID;

@ApplicationScoped
public class ErasedUserRepository implements PanacheRepositoryBase<ErasedUser, UUID> {

    public Uni<Boolean> erased(UUID userId) {
        return findById(userId).map(erased -> erased != null);
    }
}
