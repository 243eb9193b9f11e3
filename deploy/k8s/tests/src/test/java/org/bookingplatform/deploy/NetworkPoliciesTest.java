package org.bookingplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Evaluates the rendered NetworkPolicies (and the one Strimzi writes for the Kafka listener from its
 * networkPolicyPeers) over a model of the cluster's endpoints, and compares every connection that a
 * platform service opens or accepts with exactly the ones it needs: a missing path and a path beyond
 * the need both fail.
 */
class NetworkPoliciesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    private static final Map<String, Integer> API_PORTS = Map.of("gateway", 8080, "booking-service", 8081,
            "user-service", 8082, "payment-service", 8083, "notification-service", 8084);
    private static final Map<String, String> DATABASES = Map.of("booking-service", "booking-db",
            "user-service", "user-db", "payment-service", "payment-db", "notification-service", "notification-db");

    record Endpoint(String name, String namespace, Map<String, String> labels, String ip, List<String> ports) {
        boolean isPod() {
            return ip == null;
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceReachesExactlyWhatItNeeds(String overlay) {
        List<JsonNode> policies = new ArrayList<>(Manifests.ofKind(overlay, "NetworkPolicy"));
        policies.addAll(strimziListenerPolicies(overlay));
        assertEquals(expected(), flows(overlay, policies));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aRuleThatOpensTooMuchIsSeen(String overlay) {
        List<JsonNode> policies = new ArrayList<>();
        for (JsonNode policy : Manifests.ofKind(overlay, "NetworkPolicy")) {
            JsonNode copy = policy.deepCopy();
            if (Manifests.name(copy).equals("gateway")) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) copy.path("spec").path("egress")).addObject();
            }
            policies.add(copy);
        }
        Set<String> flows = flows(overlay, policies);
        assertTrue(flows.contains("gateway -> internet TCP/22"), flows.toString());
        assertFalse(flows.contains("gateway -> booking-db TCP/5432"), "the database's own ingress rule still holds");
    }

    private static Set<String> flows(String overlay, List<JsonNode> policies) {
        String ns = Manifests.namespace(overlay);
        List<Endpoint> endpoints = new ArrayList<>();
        API_PORTS.forEach((s, p) -> endpoints.add(new Endpoint(s, ns, Map.of("app.kubernetes.io/name", s), null,
                List.of("TCP/" + p, "TCP/9000"))));
        DATABASES.values().forEach(db -> endpoints.add(new Endpoint(db, ns, Map.of("cnpg.io/cluster", db), null,
                List.of("TCP/5432", "TCP/8000"))));
        endpoints.add(new Endpoint("keycloak-db", ns, Map.of("cnpg.io/cluster", "keycloak-db"), null, List.of("TCP/5432")));
        endpoints.add(new Endpoint("redis", ns, Map.of("app.kubernetes.io/name", "redis"), null, List.of("TCP/6379")));
        endpoints.add(new Endpoint("kafka", ns, Map.of("strimzi.io/cluster", "booking-kafka", "strimzi.io/broker-role",
                "true"), null, List.of("TCP/9093", "TCP/9091")));
        endpoints.add(new Endpoint("keycloak", ns, Map.of("app", "keycloak", "app.kubernetes.io/instance", "keycloak"),
                null, List.of("TCP/8080", "TCP/9000", "TCP/7800")));
        endpoints.add(new Endpoint("ingress-controller", "ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"),
                null, List.of("TCP/443")));
        endpoints.add(new Endpoint("prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), null,
                List.of("TCP/9090")));
        endpoints.add(new Endpoint("otel-collector", "monitoring", Map.of("app.kubernetes.io/name", "opentelemetry-collector"),
                null, List.of("TCP/4317", "TCP/4318")));
        endpoints.add(new Endpoint("dns", "kube-system", Map.of("k8s-app", "kube-dns"), null, List.of("UDP/53", "TCP/53")));
        endpoints.add(new Endpoint("internet", null, Map.of(), "203.0.113.50", List.of("TCP/443", "TCP/80", "TCP/25", "TCP/22")));
        endpoints.add(new Endpoint("private-network", null, Map.of(), "10.1.2.3", List.of("TCP/443", "TCP/80", "TCP/5432")));
        endpoints.add(new Endpoint("metadata-service", null, Map.of(), "169.254.169.254", List.of("TCP/80")));
        endpoints.add(new Endpoint("smtp-relay", null, Map.of(), "10.20.0.25", List.of("TCP/587", "TCP/443")));

        Set<String> allowed = new TreeSet<>();
        for (Endpoint from : endpoints) {
            for (Endpoint to : endpoints) {
                if (from == to || !(API_PORTS.containsKey(from.name()) || API_PORTS.containsKey(to.name()))) {
                    continue;
                }
                for (String port : to.ports()) {
                    if (allowedOut(policies, ns, from, to, port) && allowedIn(policies, ns, from, to, port)) {
                        allowed.add(from.name() + " -> " + to.name() + " " + port);
                    }
                }
            }
        }
        return allowed;
    }

    private static Set<String> expected() {
        Set<String> flows = new TreeSet<>();
        flows.add("ingress-controller -> gateway TCP/8080");
        API_PORTS.forEach((s, p) -> {
            flows.add("prometheus -> " + s + " TCP/9000");
            flows.add(s + " -> dns UDP/53");
            flows.add(s + " -> dns TCP/53");
            flows.add(s + " -> keycloak TCP/8080");
            flows.add(s + " -> otel-collector TCP/4317");
            if (!s.equals("gateway")) {
                flows.add("gateway -> " + s + " TCP/" + p);
                flows.add(s + " -> " + DATABASES.get(s) + " TCP/5432");
                flows.add(s + " -> kafka TCP/9093");
            }
        });
        flows.add("gateway -> redis TCP/6379");
        flows.add("payment-service -> internet TCP/443");
        flows.add("notification-service -> internet TCP/443");
        flows.add("notification-service -> internet TCP/80");
        flows.add("notification-service -> smtp-relay TCP/587");
        return flows;
    }

    /** Strimzi lets the listener's networkPolicyPeers (all pods when none) in on the listener's port. */
    private static List<JsonNode> strimziListenerPolicies(String overlay) {
        List<JsonNode> policies = new ArrayList<>();
        for (JsonNode kafka : Manifests.ofKind(overlay, "Kafka")) {
            for (JsonNode listener : kafka.path("spec").path("kafka").path("listeners")) {
                var policy = Manifests.YAML.createObjectNode();
                var spec = policy.putObject("spec");
                spec.putObject("podSelector").putObject("matchLabels").put("strimzi.io/cluster", Manifests.name(kafka));
                spec.putArray("policyTypes").add("Ingress");
                var rule = spec.putArray("ingress").addObject();
                rule.putArray("ports").addObject().put("protocol", "TCP").put("port", listener.path("port").asInt());
                if (listener.has("networkPolicyPeers")) {
                    rule.set("from", listener.path("networkPolicyPeers"));
                }
                policies.add(policy);
            }
        }
        return policies;
    }

    private static boolean allowedOut(List<JsonNode> policies, String ns, Endpoint from, Endpoint to, String port) {
        if (!from.isPod() || !ns.equals(from.namespace())) {
            return true;
        }
        return allowed(policies, ns, from, "Egress", "egress", "to", to, port);
    }

    private static boolean allowedIn(List<JsonNode> policies, String ns, Endpoint from, Endpoint to, String port) {
        if (!to.isPod() || !ns.equals(to.namespace())) {
            return true;
        }
        return allowed(policies, ns, to, "Ingress", "ingress", "from", from, port);
    }

    /** Kubernetes' rule: isolated by any policy of that type selecting the pod; then some rule must allow. */
    private static boolean allowed(List<JsonNode> policies, String ns, Endpoint subject, String type, String rules,
            String peers, Endpoint peer, String port) {
        boolean isolated = false;
        for (JsonNode policy : policies) {
            JsonNode spec = policy.path("spec");
            if (!selects(spec.path("podSelector"), subject.labels()) || !spec.path("policyTypes").toString().contains(type)) {
                continue;
            }
            isolated = true;
            for (JsonNode rule : spec.path(rules)) {
                if (portMatches(rule.path("ports"), port) && peerMatches(rule.path(peers), ns, peer)) {
                    return true;
                }
            }
        }
        return !isolated;
    }

    private static boolean portMatches(JsonNode ports, String port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if ((p.path("protocol").asText("TCP") + "/" + p.path("port").asText()).equals(port)) {
                return true;
            }
        }
        return false;
    }

    private static boolean peerMatches(JsonNode peers, String ns, Endpoint peer) {
        if (peers.isMissingNode() || peers.isEmpty()) {
            return true;
        }
        for (JsonNode p : peers) {
            if (p.has("ipBlock")) {
                if (!peer.isPod() && inBlock(peer.ip(), p.path("ipBlock"))) {
                    return true;
                }
                continue;
            }
            if (!peer.isPod()) {
                continue;
            }
            boolean nsOk = p.has("namespaceSelector")
                    ? peer.namespace() != null && selects(p.path("namespaceSelector"),
                            Map.of("kubernetes.io/metadata.name", peer.namespace()))
                    : ns.equals(peer.namespace());
            boolean podOk = !p.has("podSelector") || selects(p.path("podSelector"), peer.labels());
            if (nsOk && podOk) {
                return true;
            }
        }
        return false;
    }

    static boolean selects(JsonNode selector, Map<String, String> labels) {
        for (var it = selector.path("matchLabels").fields(); it.hasNext();) {
            var e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : selector.path("matchExpressions")) {
            String value = labels.get(expr.path("key").asText());
            Set<String> values = new TreeSet<>();
            expr.path("values").forEach(v -> values.add(v.asText()));
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> value != null && values.contains(value);
                case "NotIn" -> value == null || !values.contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean inBlock(String ip, JsonNode block) {
        if (!inCidr(ip, block.path("cidr").asText())) {
            return false;
        }
        for (JsonNode except : block.path("except")) {
            if (inCidr(ip, except.asText())) {
                return false;
            }
        }
        return true;
    }

    private static boolean inCidr(String ip, String cidr) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (toLong(ip) & mask) == (toLong(parts[0]) & mask);
    }

    private static long toLong(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }
}
