package org.bookingplatform.user.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.platform.paging.PageRequest;
import org.bookingplatform.platform.problem.ProblemException;
import org.bookingplatform.user.Profile;
import org.bookingplatform.user.repository.UserProfileRepository;

import java.util.List;
import java.util.UUID;

/** Operators look people up; erased accounts are no longer anyone's to find. */
@ApplicationScoped
public class UserDirectory {

    private final UserProfileRepository profiles;

    public UserDirectory(UserProfileRepository profiles) {
        this.profiles = profiles;
    }

    @WithSession
    public Uni<List<Profile>> search(String text, PageRequest page) {
        if ((long) page.page() * page.size() > Integer.MAX_VALUE) {
            // Beyond any row the database can page to (the offset is an int): an empty page, not an overflow.
            return Uni.createFrom().item(List.of());
        }
        return profiles.search(text == null ? "" : text.strip(), page.toPanache())
                .map(rows -> rows.stream().map(Profile::of).toList());
    }

    @WithSession
    public Uni<Profile> get(UUID id) {
        return profiles.findById(id)
                .map(profile -> profile == null || profile.erased() ? null : Profile.of(profile))
                .onItem().ifNull().failWith(() -> ProblemException.notFound("No user " + id + "."));
    }
}
