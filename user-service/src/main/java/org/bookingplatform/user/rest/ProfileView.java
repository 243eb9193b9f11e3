package org.bookingplatform.user.rest;

import org.bookingplatform.user.UserProfile;

import java.util.UUID;

public record ProfileView(UUID id, String email, String displayName, String locale, boolean emailNotifications) {

    public static ProfileView of(UserProfile profile) {
        return new ProfileView(profile.id, profile.email, profile.displayName, profile.locale, profile.emailNotifications);
    }
}
