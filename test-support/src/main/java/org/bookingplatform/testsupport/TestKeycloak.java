package org.bookingplatform.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Logs in to the test Keycloak the way a client app does (password grant of the public booking-web client). */
public final class TestKeycloak {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private TestKeycloak() {
    }

    /** The access token for a password-grant login, or empty when Keycloak refuses it. */
    public static Optional<String> login(String username, String password) {
        return token(Map.of("grant_type", "password", "client_id", "booking-web", "username", username, "password", password));
    }

    /** The access token of user-service's own service account: a client of the realm without the platform audience. */
    public static String userServiceAccount() {
        return token(Map.of("grant_type", "client_credentials", "client_id", "user-service",
                "client_secret", TestInfrastructure.USER_SERVICE_CLIENT_SECRET))
                .orElseThrow(() -> new IllegalStateException("user-service's service account cannot log in to the test Keycloak"));
    }

    /**
     * The access token of the partner-demo client's service account: a partner system, with the
     * platform audience and the partner role, whose user is service-account-partner-demo.
     */
    public static String partnerServiceAccount() {
        return token(Map.of("grant_type", "client_credentials", "client_id", "partner-demo",
                "client_secret", TestInfrastructure.PARTNER_CLIENT_SECRET))
                .orElseThrow(() -> new IllegalStateException("partner-demo's service account cannot log in to the test Keycloak"));
    }

    private static Optional<String> token(Map<String, String> parameters) {
        String form = parameters
                .entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(TestInfrastructure.keycloakUrl() + "/realms/booking/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            return response.statusCode() == 200 && token.find() ? Optional.of(token.group(1)) : Optional.empty();
        } catch (IOException e) {
            throw new IllegalStateException("the test Keycloak cannot be reached", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The token of one of the realm's demo users (alice, bob: customers; olivia: operator; paula: partner). */
    public static String demoUser(String username) {
        return login(username, TestInfrastructure.DEMO_PASSWORD)
                .orElseThrow(() -> new IllegalStateException("demo user " + username + " cannot log in to the test Keycloak"));
    }
}
