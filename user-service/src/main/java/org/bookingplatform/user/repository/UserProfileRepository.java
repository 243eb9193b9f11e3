package org.bookingplatform.user.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.user.UserProfile;

import java.util.UUID;

@ApplicationScoped
public class UserProfileRepository implements PanacheRepositoryBase<UserProfile, UUID> {

    /**
     * Inserts the profile unless one with its id exists; true when this call created it.
     * Two first requests of the same person race here, and exactly one of them wins.
     */
    public Uni<Boolean> insertIfAbsent(UserProfile profile) {
        return getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO user_profile (id, email, display_name, locale, email_notifications, version, created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
                        ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, profile.id).setParameter(2, profile.email).setParameter(3, profile.displayName)
                .setParameter(4, profile.locale).setParameter(5, profile.emailNotifications).setParameter(6, profile.version)
                .setParameter(7, profile.createdAt)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }
}
