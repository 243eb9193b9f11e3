package org.bookingplatform.deploy;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The overlays as `kubectl kustomize` renders them, one JSON tree per document. Without kubectl the
 * tests are skipped with a message on a developer's machine and fail on CI (CI=true), so that a
 * missing tool never passes for green.
 */
final class Manifests {

    static final List<String> OVERLAYS = List.of("dev", "prod");
    static final List<String> SERVICES = List.of("gateway", "booking-service", "user-service", "payment-service",
            "notification-service");
    static final Path ROOT = RealmImports.repositoryRoot();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Map<String, List<JsonNode>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    static List<JsonNode> render(String overlay) {
        return RENDERED.computeIfAbsent(overlay, Manifests::kustomize);
    }

    private static List<JsonNode> kustomize(String overlay) {
        Path dir = ROOT.resolve("deploy/k8s/overlays").resolve(overlay);
        try {
            requireKustomize5();
            Process process = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                    .redirectErrorStream(false).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail("kubectl kustomize " + dir + " failed:\n" + err);
            }
            List<JsonNode> docs = new ArrayList<>();
            YAML.readerFor(JsonNode.class).<JsonNode>readValues(out).forEachRemaining(n -> {
                if (n != null && !n.isNull() && !n.isMissingNode()) {
                    docs.add(n);
                }
            });
            return docs;
        } catch (IOException e) {
            String message = "kubectl is required to render deploy/k8s (apt-get install kubectl, or a kubectl "
                    + "with Kustomize 5 on the PATH): " + e.getMessage();
            if (System.getenv("CI") != null) {
                fail(message);
            }
            Assumptions.abort(message);
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Older kubectl (Debian 12's is 1.20, Kustomize 2) cannot read `labels` or targeted `patches`. */
    private static void requireKustomize5() throws IOException, InterruptedException {
        Process version = new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
        String out = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        version.waitFor(30, TimeUnit.SECONDS);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("Kustomize Version: v(\\d+)").matcher(out);
        if (!m.find() || Integer.parseInt(m.group(1)) < 5) {
            fail("deploy/k8s needs a kubectl with Kustomize 5 or newer; this one says:\n" + out);
        }
    }

    static List<JsonNode> ofKind(String overlay, String kind) {
        return render(overlay).stream().filter(d -> kind.equals(d.path("kind").asText())).toList();
    }

    static JsonNode named(String overlay, String kind, String name) {
        return ofKind(overlay, kind).stream().filter(d -> name.equals(name(d))).findFirst()
                .orElse(MissingNode.getInstance());
    }

    static String name(JsonNode doc) {
        return doc.path("metadata").path("name").asText();
    }

    static String id(JsonNode doc) {
        return doc.path("kind").asText() + "/" + name(doc);
    }

    static String read(Path path) {
        try {
            return Files.readString(ROOT.resolve(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String namespace(String overlay) {
        return Objects.requireNonNull(ofKind(overlay, "Deployment").get(0).path("metadata").path("namespace").asText(null));
    }
}
