package org.bookingplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every Secret and ConfigMap key a resource reads exists: in the overlay, or made by an operator from
 * a resource of the overlay, or in the list of Secrets the deployer creates (docs/operations.md,
 * "Secrets to create", one table row per Secret: name, keys, overlays).
 */
class ReferencesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    private static final Pattern DOC_ROW = Pattern.compile("^\\| `([a-z0-9-]+)` \\| ([^|]+) \\| ([^|]+) \\|", Pattern.MULTILINE);

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyReferencedKeyIsProduced(String overlay) {
        Map<String, Set<String>> secrets = new HashMap<>();
        Map<String, Set<String>> configMaps = new HashMap<>();
        List<JsonNode> docs = Manifests.render(overlay);
        for (JsonNode d : docs) {
            String name = Manifests.name(d);
            switch (d.path("kind").asText()) {
                case "ConfigMap" -> configMaps.put(name, keys(d.path("data")));
                case "Secret" -> {
                    Set<String> keys = keys(d.path("data"));
                    keys.addAll(keys(d.path("stringData")));
                    secrets.put(name, keys);
                }
                // What the operators write (their documentation: CloudNativePG "Secrets", Strimzi
                // "KafkaUser" and "cluster CA", Keycloak Operator "initial admin", cert-manager ingress-shim).
                case "Cluster" -> secrets.put(name + "-app", Set.of("username", "password", "host", "port", "dbname",
                        "uri", "jdbc-uri", "pgpass", "fqdn-uri", "fqdn-jdbc-uri"));
                case "Kafka" -> secrets.put(name + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
                case "KafkaUser" -> {
                    if ("scram-sha-512".equals(d.path("spec").path("authentication").path("type").asText())) {
                        secrets.put(name, Set.of("password", "sasl.jaas.config"));
                    }
                }
                case "Keycloak" -> secrets.put(name + "-initial-admin", Set.of("username", "password"));
                case "Ingress" -> {
                    if (d.path("metadata").path("annotations").has("cert-manager.io/cluster-issuer")) {
                        d.path("spec").path("tls").forEach(t -> secrets.put(t.path("secretName").asText(),
                                Set.of("tls.crt", "tls.key", "ca.crt")));
                    }
                }
                default -> { }
            }
        }
        String doc = Manifests.read(Path.of("docs/operations.md"));
        int section = doc.indexOf("## Secrets to create");
        Matcher row = DOC_ROW.matcher(doc.substring(section, doc.indexOf("\n## ", section + 1)));
        while (row.find()) {
            if (row.group(3).contains(overlay)) {
                Set<String> keys = new HashSet<>();
                Matcher key = Pattern.compile("`([^`]+)`").matcher(row.group(2));
                while (key.find()) {
                    keys.add(key.group(1));
                }
                secrets.merge(row.group(1), keys, (a, b) -> {
                    Set<String> all = new HashSet<>(a);
                    all.addAll(b);
                    return all;
                });
            }
        }
        List<String> missing = new ArrayList<>();
        for (JsonNode d : docs) {
            for (String[] ref : references(d)) {
                Map<String, Set<String>> pool = "configmap".equals(ref[0]) ? configMaps : secrets;
                if (!pool.getOrDefault(ref[1], Set.of()).contains(ref[2])) {
                    missing.add(Manifests.id(d) + " reads " + ref[0] + " " + ref[1] + " key " + ref[2]);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    /** (secret|configmap, name, key) of everything a document reads. */
    static List<String[]> references(JsonNode d) {
        List<String[]> refs = new ArrayList<>();
        JsonNode spec = d.path("spec");
        JsonNode pod = spec.path("template").path("spec");
        for (JsonNode c : pod.path("containers")) {
            for (JsonNode e : c.path("env")) {
                JsonNode s = e.path("valueFrom").path("secretKeyRef");
                JsonNode m = e.path("valueFrom").path("configMapKeyRef");
                if (s.has("name")) {
                    refs.add(new String[] {"secret", s.path("name").asText(), s.path("key").asText()});
                }
                if (m.has("name")) {
                    refs.add(new String[] {"configmap", m.path("name").asText(), m.path("key").asText()});
                }
            }
        }
        for (JsonNode v : pod.path("volumes")) {
            if (v.has("secret")) {
                v.path("secret").path("items").forEach(i -> refs.add(
                        new String[] {"secret", v.path("secret").path("secretName").asText(), i.path("key").asText()}));
            }
        }
        switch (d.path("kind").asText()) {
            case "Keycloak" -> {
                for (String s : List.of("usernameSecret", "passwordSecret")) {
                    JsonNode r = spec.path("db").path(s);
                    refs.add(new String[] {"secret", r.path("name").asText(), r.path("key").asText()});
                }
            }
            case "KeycloakRealmImport" -> spec.path("placeholders").forEach(p -> refs.add(new String[] {"secret",
                    p.path("secret").path("name").asText(), p.path("secret").path("key").asText()}));
            case "ObjectStore" -> spec.path("configuration").path("s3Credentials").forEach(r -> refs.add(
                    new String[] {"secret", r.path("name").asText(), r.path("key").asText()}));
            case "Ingress" -> spec.path("tls").forEach(t -> {
                refs.add(new String[] {"secret", t.path("secretName").asText(), "tls.crt"});
                refs.add(new String[] {"secret", t.path("secretName").asText(), "tls.key"});
            });
            default -> { }
        }
        return refs;
    }

    private static Set<String> keys(JsonNode data) {
        Set<String> keys = new HashSet<>();
        data.fieldNames().forEachRemaining(keys::add);
        return keys;
    }
}
