package org.bookingplatform.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;

/**
 * A stand-in for Keycloak's realm endpoints that services read at start-up: the OpenID
 * discovery document and the JWKS with the public key of {@link TestTokens}, and, like Keycloak's,
 * an introspection endpoint that refuses the services (they have no client credentials for it).
 * Services under test therefore verify tokens exactly as in production (discovery, key lookup by
 * kid, signature, issuer, expiry) without a Keycloak server. One per test JVM, on a free port.
 */
public final class TestIdentityProvider {

    public static final String KEY_ID = "test-key";

    private static HttpServer server;

    private TestIdentityProvider() {
    }

    /** The realm URL (issuer and auth-server-url), starting the server on first use. */
    public static synchronized String issuer() {
        if (server == null) {
            server = start();
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/booking";
    }

    private static HttpServer start() {
        try {
            HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            http.createContext("/realms/booking/.well-known/openid-configuration", exchange -> json(exchange, discovery()));
            http.createContext("/realms/booking/protocol/openid-connect/certs", exchange -> json(exchange, jwks()));
            http.createContext("/realms/booking/protocol/openid-connect/token/introspect", exchange -> json(exchange, 401,
                    "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or Invalid client credentials\"}"));
            http.start();
            return http;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the test identity provider", e);
        }
    }

    private static String discovery() {
        String issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/booking";
        return """
                {"issuer":"%1$s","jwks_uri":"%1$s/protocol/openid-connect/certs",
                 "token_endpoint":"%1$s/protocol/openid-connect/token",
                 "introspection_endpoint":"%1$s/protocol/openid-connect/token/introspect",
                 "authorization_endpoint":"%1$s/protocol/openid-connect/auth",
                 "id_token_signing_alg_values_supported":["RS256"]}""".formatted(issuer);
    }

    private static String jwks() {
        RSAPublicKey key = TestTokens.publicKey();
        return """
                {"keys":[{"kty":"RSA","use":"sig","alg":"RS256","kid":"%s","n":"%s","e":"%s"}]}"""
                .formatted(KEY_ID, base64Url(key.getModulus()), base64Url(key.getPublicExponent()));
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void json(HttpExchange exchange, String body) throws IOException {
        json(exchange, 200, body);
    }

    private static void json(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
