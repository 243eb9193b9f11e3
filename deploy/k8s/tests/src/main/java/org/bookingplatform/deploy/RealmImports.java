package org.bookingplatform.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/**
 * Turns the local platform's realm (deploy/local/keycloak/booking-realm.json, the one source of the
 * realm) into the KeycloakRealmImport of each overlay. Both environments lose the demo users and demo
 * clients; the local `__NAME__` placeholders become the operator's `${NAME}` placeholders, each
 * filled from a Secret. Production also loses the password grant and every localhost redirect URI,
 * and gets the web app's address instead.
 *
 * <p>Regenerate after changing the local realm: {@code mvn -q -pl deploy/k8s/tests compile exec:java}
 * (RealmImportsTest fails while a committed file differs from what this produces).
 */
public final class RealmImports {

    public static final Path LOCAL_REALM = Path.of("deploy/local/keycloak/booking-realm.json");

    /** Clients that exist only for demonstrations on the local platform. */
    private static final Set<String> DEMO_CLIENTS = Set.of("partner-demo");

    /** Where each placeholder of the realm takes its value from: Secret name and key. */
    private static final Map<String, List<String>> PLACEHOLDER_SECRETS = Map.of(
            "USER_SERVICE_CLIENT_SECRET", List.of("keycloak-client-secrets", "user-service"),
            "WEB_APP_URL", List.of("keycloak-realm-settings", "web-app-url"));

    private static final Pattern LOCAL_PLACEHOLDER = Pattern.compile("__([A-Z0-9_]+)__");
    private static final Pattern OPERATOR_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    public enum Environment {
        DEV, PROD;

        public Path file(Path root) {
            return root.resolve("deploy/k8s/overlays/" + name().toLowerCase() + "/keycloak-realm-import.yaml");
        }
    }

    private RealmImports() {
    }

    public static void main(String[] args) throws IOException {
        Path root = repositoryRoot();
        for (Environment environment : Environment.values()) {
            Files.writeString(environment.file(root), render(root, environment));
        }
    }

    /** The repository root, whether run from it or from this module's folder. */
    public static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve(LOCAL_REALM))) {
                return p;
            }
        }
        throw new IllegalStateException("no " + LOCAL_REALM + " above " + here);
    }

    public static String render(Path root, Environment environment) {
        try {
            ObjectNode realm = (ObjectNode) JSON.readTree(Files.readString(root.resolve(LOCAL_REALM)));
            ObjectNode transformed = transform(realm, environment);
            Set<String> placeholders = new TreeSet<>();
            Matcher m = OPERATOR_PLACEHOLDER.matcher(JSON.writeValueAsString(transformed));
            while (m.find()) {
                placeholders.add(m.group(1));
            }
            Map<String, Object> spec = new LinkedHashMap<>();
            spec.put("keycloakCRName", "keycloak");
            Map<String, Object> refs = new LinkedHashMap<>();
            for (String name : placeholders) {
                List<String> secret = PLACEHOLDER_SECRETS.get(name);
                if (secret == null) {
                    throw new IllegalStateException("the realm uses __" + name + "__: say which Secret fills it");
                }
                // Ordered maps only: the output must be the same on every run.
                Map<String, String> ref = new LinkedHashMap<>();
                ref.put("name", secret.get(0));
                ref.put("key", secret.get(1));
                refs.put(name, Map.of("secret", ref));
            }
            spec.put("placeholders", refs);
            spec.put("realm", transformed);
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("apiVersion", "k8s.keycloak.org/v2alpha1");
            doc.put("kind", "KeycloakRealmImport");
            doc.put("metadata", Map.of("name", "booking"));
            doc.put("spec", spec);
            return "# GENERATED from " + LOCAL_REALM + " by RealmImports (deploy/k8s/tests); do not edit.\n"
                    + "# The operator imports the realm once, when it does not exist yet; it never updates it.\n"
                    + YAML.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode transform(ObjectNode local, Environment environment) throws IOException {
        ObjectNode realm = (ObjectNode) JSON.readTree(
                LOCAL_PLACEHOLDER.matcher(JSON.writeValueAsString(local)).replaceAll("\\${$1}"));
        ArrayNode clients = JSON.createArrayNode();
        for (JsonNode client : realm.withArray("clients")) {
            if (!DEMO_CLIENTS.contains(client.path("clientId").asText())) {
                clients.add(environment == Environment.PROD ? production((ObjectNode) client) : client);
            }
        }
        realm.set("clients", clients);
        ArrayNode users = JSON.createArrayNode();
        for (JsonNode user : realm.withArray("users")) {
            // Only the service accounts of the clients kept: no person, no demo machine client.
            String owner = user.path("serviceAccountClientId").asText("");
            if (!owner.isEmpty() && !DEMO_CLIENTS.contains(owner)) {
                users.add(user);
            }
        }
        realm.set("users", users);
        return realm;
    }

    private static ObjectNode production(ObjectNode client) {
        ObjectNode copy = client.deepCopy();
        copy.put("directAccessGrantsEnabled", false);
        if (copy.has("redirectUris")) {
            List<String> kept = new ArrayList<>();
            for (JsonNode uri : copy.get("redirectUris")) {
                if (!isLocal(uri.asText())) {
                    kept.add(uri.asText());
                }
            }
            ArrayNode uris = copy.putArray("redirectUris");
            kept.forEach(uris::add);
        }
        if (copy.has("webOrigins")) {
            // "+" (the redirect URIs' origins) stays; the local gateway's origin goes.
            List<String> kept = new ArrayList<>();
            copy.get("webOrigins").forEach(origin -> {
                if (!isLocal(origin.asText())) {
                    kept.add(origin.asText());
                }
            });
            ArrayNode origins = copy.putArray("webOrigins");
            kept.forEach(origins::add);
        }
        if (copy.has("description")) {
            copy.put("description", copy.get("description").asText().replaceAll("; direct access grants[^;]*", ""));
        }
        return copy;
    }

    public static boolean isLocal(String uri) {
        return uri.contains("://localhost") || uri.contains("://127.") || uri.contains("://[::1]");
    }
}
