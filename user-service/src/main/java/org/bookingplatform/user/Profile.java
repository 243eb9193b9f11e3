package org.bookingplatform.user;

import java.util.UUID;

/** What a person's profile says, as answered to them and to operators (also the stored answer of a sign-up). */
public record Profile(UUID id, String email, String displayName, String phone, String locale, EmailPreferences emailPreferences) {

    public static Profile of(UserProfile profile) {
        return new Profile(profile.id, profile.email, profile.displayName, profile.phone, profile.locale, profile.emailPreferences());
    }
}
