package org.bookingplatform.user.client;

/** What Keycloak needs to know of a person signing up. */
public record NewAccount(String email, String displayName, String password) {

    @Override
    public String toString() {
        return "NewAccount[email=" + email + "]";
    }
}
