package org.bookingplatform.gateway.web;

import java.net.URI;

/**
 * What the web client needs to sign in through Keycloak: the server's base URL, the realm and the
 * public client, taken from the realm URL ({@code <base>/realms/<realm>}). The pages read them from
 * {@code /web-config.json}, so one set of files serves every environment.
 */
public record SignInSettings(String url, String realm, String clientId) {

    private static final String REALMS = "/realms/";

    public static SignInSettings of(URI realmUrl, String clientId) {
        String path = realmUrl.getPath().replaceAll("/+$", "");
        int at = path.lastIndexOf(REALMS);
        if (at < 0 || at + REALMS.length() >= path.length()) {
            throw new IllegalArgumentException("gateway.web.auth-server-url must be a realm URL (.../realms/<name>), not " + realmUrl);
        }
        String base = realmUrl.getScheme() + "://" + realmUrl.getRawAuthority() + path.substring(0, at);
        return new SignInSettings(base, path.substring(at + REALMS.length()), clientId);
    }

    /** The origin (scheme, host, port) of Keycloak, for the Content-Security-Policy. */
    public String origin() {
        URI uri = URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }
}
