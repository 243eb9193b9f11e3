package org.bookingplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The dashboard, the alert rules and the scrape configuration: the dashboard is a ConfigMap the
 * Grafana sidecar loads, every alert the platform needs exists with a runbook section in
 * docs/operations.md, the PodMonitor scrapes every service's management port, and the table of
 * metrics by service (which each service's MetricsExportIT checks against its own /q/metrics)
 * names exactly the metrics the dashboard and the alerts query.
 */
class ObservabilityTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path TABLE = Path.of("deploy/k8s/base/observability/metrics-by-service.txt");
    private static final Set<String> REQUIRED_ALERTS = Set.of("ServiceDown", "High5xxRatio", "OutboxEventsWaiting",
            "ConsumerLagGrowing", "DeadLetters", "PaymentProviderBreakerOpen", "PaymentWithoutBookingOutcome",
            "WebhookDeliveriesFailing");
    private static final Set<String> EXPORTERS = Set.of("prometheus", "gateway", "booking-service", "payment-service",
            "user-service", "notification-service");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void dashboardIsAConfigMapTheGrafanaSidecarLoads(String overlay) throws IOException {
        JsonNode configMap = Manifests.named(overlay, "ConfigMap", "booking-platform-dashboard");
        assertEquals("1", configMap.path("metadata").path("labels").path("grafana_dashboard").asText(), "sidecar label");
        JsonNode dashboard = dashboard(configMap);
        assertEquals("booking-platform", dashboard.path("uid").asText());
        List<String> titles = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            titles.add(panel.path("title").asText());
            for (JsonNode target : panel.path("targets")) {
                assertFalse(target.path("expr").asText().isBlank(), panel.path("title") + " has a target without expr");
            }
        }
        for (String needed : List.of("Request rate", "5xx ratio", "Gateway latency p99 by route", "Heap used",
                "Holds, confirmations, expiries, cancellations", "Hold -> confirmed", "Refunds")) {
            assertTrue(titles.contains(needed), "panel " + needed + " in " + titles);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyAlertHasItsRunbookSectionInOperationsDoc(String overlay) {
        String operations = Manifests.read(Path.of("docs/operations.md"));
        Set<String> alerts = new TreeSet<>();
        for (JsonNode rule : rules(overlay)) {
            String alert = rule.path("alert").asText();
            alerts.add(alert);
            assertEquals("docs/operations.md#alert-" + alert.toLowerCase(), rule.path("annotations").path("runbook_url").asText(),
                    alert + "'s runbook_url");
            assertTrue(operations.contains("\n### Alert " + alert + "\n"), "docs/operations.md has no section '### Alert " + alert + "'");
            assertFalse(rule.path("annotations").path("summary").asText().isBlank(), alert + " has a summary");
        }
        assertTrue(alerts.containsAll(REQUIRED_ALERTS), "alerts " + alerts + " lack some of " + REQUIRED_ALERTS);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podMonitorScrapesEveryServicesManagementPortAndLabelsItsSeriesWithTheService(String overlay) {
        List<JsonNode> monitors = Manifests.ofKind(overlay, "PodMonitor");
        assertEquals(1, monitors.size());
        JsonNode spec = monitors.get(0).path("spec");
        Set<String> selected = new TreeSet<>();
        spec.path("selector").path("matchExpressions").get(0).path("values").forEach(v -> selected.add(v.asText()));
        assertEquals(new TreeSet<>(Manifests.SERVICES), selected);
        JsonNode endpoint = spec.path("podMetricsEndpoints").get(0);
        assertEquals("management", endpoint.path("port").asText());
        assertEquals("/q/metrics", endpoint.path("path").asText());
        assertTrue(endpoint.path("relabelings").toString().contains("\"targetLabel\":\"service\""), "the service label");
        for (String service : Manifests.SERVICES) {
            JsonNode ports = Manifests.named(overlay, "Deployment", service).path("spec").path("template").path("spec")
                    .path("containers").get(0).path("ports");
            assertTrue(ports.toString().contains("\"name\":\"management\""), service + " names its management port");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theMetricsTableNamesExactlyWhatTheDashboardAndTheAlertsQuery(String overlay) throws IOException {
        Set<String> queried = new TreeSet<>();
        for (JsonNode panel : dashboard(Manifests.named(overlay, "ConfigMap", "booking-platform-dashboard")).path("panels")) {
            panel.path("targets").forEach(target -> queried.addAll(QueriedMetrics.in(target.path("expr").asText())));
        }
        rules(overlay).forEach(rule -> queried.addAll(QueriedMetrics.in(rule.path("expr").asText())));
        Map<String, Set<String>> table = table();
        assertEquals(queried, table.keySet(), TABLE + " must list exactly the metrics the dashboard and the alerts query");
        table.forEach((metric, exporters) -> assertTrue(!exporters.isEmpty() && EXPORTERS.containsAll(exporters),
                metric + " is exported by " + exporters + ", not by known services"));
    }

    private static JsonNode dashboard(JsonNode configMap) throws IOException {
        return JSON.readTree(configMap.path("data").path("booking-platform.json").asText());
    }

    private static List<JsonNode> rules(String overlay) {
        List<JsonNode> rules = new ArrayList<>();
        for (JsonNode ruleSet : Manifests.ofKind(overlay, "PrometheusRule")) {
            for (JsonNode group : ruleSet.path("spec").path("groups")) {
                group.path("rules").forEach(rules::add);
            }
        }
        return rules;
    }

    /** Metric to exporters, from the table's "name  exporter, exporter" rows ('#' starts a comment). */
    private static Map<String, Set<String>> table() {
        Map<String, Set<String>> table = new LinkedHashMap<>();
        for (String line : Manifests.read(TABLE).split("\n")) {
            String row = line.strip();
            if (!row.isEmpty() && !row.startsWith("#")) {
                String[] cells = row.split("\\s+", 2);
                Set<String> exporters = new TreeSet<>();
                for (String exporter : cells[1].split(",")) {
                    exporters.add(exporter.strip());
                }
                table.put(cells[0], exporters);
            }
        }
        return table;
    }
}
