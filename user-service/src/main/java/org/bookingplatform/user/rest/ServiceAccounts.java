package org.bookingplatform.user.rest;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.Locale;

/**
 * Recognizes the token of a Keycloak client's service account (client credentials grant), which
 * acts for a system, not for a person. Keycloak names the user behind it
 * {@code service-account-<client id>} and issues the token to that client ({@code azp}); its
 * service_account client scope, where a client has it, adds the {@code client_id} claim as well.
 * A person cannot have that user name: every account of the platform is named by its e-mail address.
 */
final class ServiceAccounts {

    private static final String USER_NAME_PREFIX = "service-account-";

    private ServiceAccounts() {
    }

    static boolean isServiceAccount(JsonWebToken token) {
        if (token.containsClaim("client_id")) {
            return true;
        }
        String userName = token.getClaim("preferred_username");
        String client = token.getClaim("azp");
        return userName != null && client != null && userName.equals((USER_NAME_PREFIX + client).toLowerCase(Locale.ROOT));
    }
}
