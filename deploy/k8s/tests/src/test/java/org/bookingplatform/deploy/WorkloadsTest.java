package org.bookingplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Quantity;

/** What every workload must have before it may run in production. */
class WorkloadsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    /** Non-heap of a Quarkus service here (metaspace, code cache, threads, direct buffers), with margin. */
    private static final long NON_HEAP_BYTES = 200L << 20;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyWorkloadIsProbedLimitedHardenedPinnedAndGuarded(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode workload : workloads(overlay)) {
            String id = Manifests.id(workload);
            JsonNode pod = workload.path("spec").path("template").path("spec");
            JsonNode podLabels = workload.path("spec").path("template").path("metadata").path("labels");
            check(pod.path("securityContext").path("runAsNonRoot").asBoolean(), id, "runAsNonRoot", problems);
            check("RuntimeDefault".equals(pod.path("securityContext").path("seccompProfile").path("type").asText()), id,
                    "seccomp RuntimeDefault", problems);
            check(!pod.path("automountServiceAccountToken").asBoolean(true), id, "no service account token", problems);
            check(pod.path("topologySpreadConstraints").size() > 0 || "StatefulSet".equals(workload.path("kind").asText()),
                    id, "topology spread", problems);
            for (JsonNode c : pod.path("containers")) {
                String cid = id + "/" + c.path("name").asText();
                for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                    check(c.has(probe), cid, probe, problems);
                }
                for (String r : List.of("cpu", "memory")) {
                    check(c.path("resources").path("limits").has(r), cid, "limits." + r, problems);
                    check(c.path("resources").path("requests").has(r), cid, "requests." + r, problems);
                }
                JsonNode sc = c.path("securityContext");
                check(!sc.path("allowPrivilegeEscalation").asBoolean(true), cid, "allowPrivilegeEscalation false", problems);
                check(sc.path("readOnlyRootFilesystem").asBoolean(), cid, "readOnlyRootFilesystem", problems);
                check(sc.path("capabilities").path("drop").toString().contains("\"ALL\""), cid, "drop ALL", problems);
                check(pinned(c.path("image").asText()), cid, "a pinned image tag, not " + c.path("image").asText(), problems);
                check(mountsEmptyDir(pod, c, "/tmp"), cid, "a writable /tmp (emptyDir)", problems);
            }
            check(ofKindSelecting(overlay, "PodDisruptionBudget", podLabels), id, "a PodDisruptionBudget", problems);
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceScalesWithAnHpaAndShutsDownGracefullyWithAHeapThatFits(String overlay) {
        List<String> problems = new ArrayList<>();
        for (String service : Manifests.SERVICES) {
            JsonNode deployment = Manifests.named(overlay, "Deployment", service);
            JsonNode hpa = Manifests.ofKind(overlay, "HorizontalPodAutoscaler").stream()
                    .filter(h -> service.equals(h.path("spec").path("scaleTargetRef").path("name").asText())).findFirst()
                    .orElse(null);
            check(hpa != null && hpa.path("spec").path("minReplicas").asInt() >= 1
                    && hpa.path("spec").path("maxReplicas").asInt() >= hpa.path("spec").path("minReplicas").asInt()
                    && hpa.path("spec").path("metrics").toString().contains("\"cpu\""), service, "an HPA on CPU", problems);
            check(!deployment.path("spec").has("replicas"), service, "replicas left to the HPA", problems);
            JsonNode pod = deployment.path("spec").path("template").path("spec");
            JsonNode c = pod.path("containers").get(0);
            Map<String, String> env = env(c);
            check("9000".equals(env.get("MANAGEMENT_PORT")), service, "MANAGEMENT_PORT=9000", problems);
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                check("management".equals(c.path(probe).path("httpGet").path("port").asText())
                        && c.path(probe).path("httpGet").path("path").asText().startsWith("/q/health/"), service,
                        probe + " on the management port", problems);
            }
            long preStop = c.path("lifecycle").path("preStop").path("sleep").path("seconds").asLong(-1);
            long shutdown = seconds(env.getOrDefault("QUARKUS_SHUTDOWN_TIMEOUT", ""));
            check(preStop > 0 && shutdown > 0 && pod.path("terminationGracePeriodSeconds").asLong() > preStop + shutdown,
                    service, "preStop + quarkus.shutdown.timeout within the grace period", problems);
            long limit = Quantity.getAmountInBytes(new Quantity(c.path("resources").path("limits").path("memory").asText()))
                    .longValue();
            long heap = limit * Long.parseLong(env.getOrDefault("JAVA_MAX_MEM_RATIO", "80")) / 100;
            check(limit - heap >= NON_HEAP_BYTES, service, "heap leaves 200 MiB of the memory limit", problems);
        }
        assertEquals(List.of(), problems);
    }

    static List<JsonNode> workloads(String overlay) {
        return Stream.concat(Manifests.ofKind(overlay, "Deployment").stream(),
                Manifests.ofKind(overlay, "StatefulSet").stream()).toList();
    }

    static Map<String, String> env(JsonNode container) {
        Map<String, String> env = new java.util.HashMap<>();
        container.path("env").forEach(e -> env.put(e.path("name").asText(), e.path("value").asText(null)));
        return env;
    }

    private static boolean ofKindSelecting(String overlay, String kind, JsonNode podLabels) {
        return Manifests.ofKind(overlay, kind).stream().anyMatch(d -> {
            JsonNode match = d.path("spec").path("selector").path("matchLabels");
            for (var it = match.fields(); it.hasNext();) {
                var e = it.next();
                if (!e.getValue().asText().equals(podLabels.path(e.getKey()).asText(null))) {
                    return false;
                }
            }
            return match.size() > 0;
        });
    }

    private static boolean pinned(String image) {
        if (image.contains("@sha256:")) {
            return true;
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') && !image.endsWith(":latest");
    }

    private static boolean mountsEmptyDir(JsonNode pod, JsonNode container, String path) {
        for (JsonNode m : container.path("volumeMounts")) {
            if (path.equals(m.path("mountPath").asText())) {
                for (JsonNode v : pod.path("volumes")) {
                    if (v.path("name").asText().equals(m.path("name").asText()) && v.has("emptyDir")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static long seconds(String duration) {
        return duration.matches("\\d+s") ? Long.parseLong(duration.substring(0, duration.length() - 1)) : -1;
    }

    private static void check(boolean ok, String id, String what, List<String> problems) {
        if (!ok) {
            problems.add(id + " lacks " + what);
        }
    }
}
