package org.bookingplatform.user.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.bookingplatform.user.UserProfile;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class UserProfileRepository implements PanacheRepositoryBase<UserProfile, UUID> {

    /**
     * Inserts the profile unless one with its id exists; true when this call created it.
     * Two first requests of the same person race here, and exactly one of them wins.
     */
    public Uni<Boolean> insertIfAbsent(UserProfile profile) {
        return getSession().chain(session -> session.createNativeQuery("""
                        INSERT INTO user_profile (id, email, display_name, locale, version, created_at, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)
                        ON CONFLICT (id) DO NOTHING""")
                .setParameter(1, profile.id).setParameter(2, profile.email).setParameter(3, profile.displayName)
                .setParameter(4, profile.locale).setParameter(5, profile.version).setParameter(6, profile.createdAt)
                .executeUpdate()
                .map(inserted -> inserted == 1));
    }

    /**
     * The profile, locked until the transaction ends: every change of a profile goes through this
     * lock, so versions and events follow one another in order.
     */
    public Uni<UserProfile> lock(UUID id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** Live profiles whose e-mail or display name contains {@code text} (case-insensitive), by e-mail. */
    public Uni<List<UserProfile>> search(String text, Page page) {
        String pattern = "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
        return find("erasedAt is null and (lower(email) like :pattern or lower(displayName) like :pattern)",
                Sort.ascending("email").and("id"), Parameters.with("pattern", pattern))
                .page(page).list();
    }

    /**
     * Forgets the stored answers of this person's sign-up (they repeat the e-mail address and the
     * name): a retry of that sign-up after erasure runs again instead of replaying personal data.
     */
    public Uni<Integer> forgetSignUpAnswers(UUID id, String scope) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "DELETE FROM idempotency_key WHERE scope = ?1 AND response_body::jsonb ->> 'id' = ?2")
                .setParameter(1, scope).setParameter(2, id.toString())
                .executeUpdate());
    }
}
