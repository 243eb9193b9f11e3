package org.bookingplatform.system.harness;

import java.net.URI;
import java.util.Map;

/** The realm's token endpoint, as the web app (booking-web, password grant) and machine clients use it. */
public final class Keycloak {

    private static final String TOKEN_PATH = "/realms/booking/protocol/openid-connect/token";

    private final Http http;

    Keycloak(URI base) {
        this.http = new Http(base, null);
    }

    /** The access token of a user signing in through the web app; fails unless Keycloak issues one. */
    public String token(String username, String password) {
        ApiResponse response = login(username, password);
        if (response.status() != 200) {
            throw new IllegalStateException("login of " + username + " refused: " + response);
        }
        return response.json().path("access_token").asText();
    }

    /** The raw answer of a password-grant login (200 with tokens, 401 for a wrong or erased user). */
    public ApiResponse login(String username, String password) {
        return http.postForm(TOKEN_PATH, Map.of("grant_type", "password", "client_id", "booking-web",
                "username", username, "password", password));
    }

    /** A client-credentials token (partner-demo, user-service). */
    public String clientToken(String clientId, String secret) {
        ApiResponse response = http.postForm(TOKEN_PATH, Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret));
        if (response.status() != 200) {
            throw new IllegalStateException("client " + clientId + " refused: " + response);
        }
        return response.json().path("access_token").asText();
    }
}
