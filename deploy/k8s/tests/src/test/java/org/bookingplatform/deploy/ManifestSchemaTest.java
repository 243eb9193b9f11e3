package org.bookingplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

/**
 * Every rendered document is checked against a schema; a kind with none fails the test.
 * Core kinds: read into fabric8's model classes with every field the model does not know refused
 * (fabric8 keeps unknown fields aside instead of failing, so the walk below looks for them). The
 * operators' kinds (Strimzi, CloudNativePG and its Barman Cloud plugin, the Keycloak Operator) have no
 * model for Java 17 in a registry (Strimzi's `io.strimzi:api` 1.2 needs Java 21): their resources
 * are checked against the fields their CRDs require and allow (OperatorResourceRules).
 */
class ManifestSchemaTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    private static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("apps/v1/StatefulSet", StatefulSet.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class));

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyDocumentMatchesTheSchemaOfItsKind(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode doc : Manifests.render(overlay)) {
            String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
            Class<?> model = MODELS.get(type);
            BiConsumer<String, String> report = (path, what) -> problems.add(Manifests.id(doc) + path + ": " + what);
            if (model != null) {
                try {
                    unknownFields(MAPPER.treeToValue(doc, model), "", report);
                } catch (Exception e) {
                    report.accept("", e.getMessage());
                }
            } else if (!OperatorResourceRules.check(type, doc, Manifests.render(overlay), report)) {
                report.accept("", "no schema for " + type + ": add its model or its rules");
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aMistypedFieldIsCaught(String overlay) {
        JsonNode deployment = Manifests.ofKind(overlay, "Deployment").get(0).deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) deployment.path("spec").path("template").path("spec"))
                .put("terminationGracePeriod", 30);
        List<String> found = new ArrayList<>();
        unknownFields(MAPPER.convertValue(deployment, Deployment.class), "", (p, w) -> found.add(p + w));
        assertTrue(found.stream().anyMatch(f -> f.contains("terminationGracePeriod")), found.toString());
    }

    /** Reports every field a model kept aside as unknown (fabric8 and Strimzi models do not fail on them). */
    static void unknownFields(Object value, String path, BiConsumer<String, String> report) {
        if (value == null) {
            return;
        }
        if (value instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", report);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, report));
            return;
        }
        String pkg = value.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || Set.of("getClass").contains(getter.getName())) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    report.accept(path, "unknown field(s) " + extra.keySet());
                }
            } else {
                unknownFields(child, path + "." + Character.toLowerCase(getter.getName().charAt(3))
                        + getter.getName().substring(4), report);
            }
        }
    }
}
