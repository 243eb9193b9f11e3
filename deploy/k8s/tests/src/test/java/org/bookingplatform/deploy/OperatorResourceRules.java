package org.bookingplatform.deploy;

import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields Strimzi (kafka.strimzi.io/v1 Kafka, KafkaNodePool, KafkaTopic, KafkaUser), CloudNativePG
 * (postgresql.cnpg.io/v1 Cluster, ScheduledBackup), its Barman Cloud plugin
 * (barmancloud.cnpg.io/v1 ObjectStore), the Keycloak Operator (k8s.keycloak.org/v2alpha1 Keycloak,
 * KeycloakRealmImport) and the Prometheus Operator (monitoring.coreos.com/v1 PrometheusRule, PodMonitor) require, and the top-level spec fields their API references list: no Java
 * model of them is published to a registry, so these rules stand in for their CRD schemas.
 */
final class OperatorResourceRules {

    private static final Set<String> CLUSTER_SPEC = Set.of("affinity", "backup", "bootstrap", "certificates",
            "description", "enablePDB", "enableSuperuserAccess", "env", "envFrom", "ephemeralVolumeSource",
            "externalClusters", "imageCatalogRef", "imageName", "imagePullPolicy", "inheritedMetadata", "instances",
            "logLevel", "managed", "maxSyncReplicas", "minSyncReplicas", "monitoring", "nodeMaintenanceWindow",
            "plugins", "postgresGID", "postgresUID", "postgresql", "primaryUpdateMethod", "primaryUpdateStrategy",
            "priorityClassName", "probes", "projectedVolumeTemplate", "replica", "replicationSlots", "resources",
            "schedulerName", "seccompProfile", "serviceAccountTemplate", "smartShutdownTimeout", "startDelay",
            "stopDelay", "storage", "superuserSecret", "switchoverDelay", "tablespaces", "topologySpreadConstraints",
            "walStorage");
    private static final Set<String> KEYCLOAK_SPEC = Set.of("additionalOptions", "bootstrapAdmin", "cache", "db",
            "features", "hostname", "http", "httpManagement", "image", "imagePullSecrets", "ingress", "instances",
            "proxy", "resources", "scheduling", "startOptimized", "transaction", "truststores", "unsupported",
            "networkPolicy", "tracing", "update", "serviceMonitor", "env");
    private static final String BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+)}");

    private OperatorResourceRules() {
    }

    /** Checks a document of an operator kind; false when the kind has no rules here. */
    static boolean check(String type, JsonNode doc, List<JsonNode> all, BiConsumer<String, String> report) {
        JsonNode spec = doc.path("spec");
        switch (type) {
            case "kafka.strimzi.io/v1/Kafka" -> {
                onlyKnown(spec, Set.of("kafka", "entityOperator", "cruiseControl", "kafkaExporter", "clientsCa",
                        "clusterCa", "clusterCaCert", "maintenanceTimeWindows"), report);
                JsonNode kafka = spec.path("kafka");
                onlyKnown(kafka, ".spec.kafka.", Set.of("version", "metadataVersion", "listeners", "authorization",
                        "config", "rack", "logging", "metricsConfig", "jvmOptions", "template", "tieredStorage",
                        "quotas", "brokerRackInitImage", "image", "livenessProbe", "readinessProbe", "jmxOptions",
                        "resources"), report);
                require(kafka.path("listeners").size() > 0, ".spec.kafka.listeners", "required", report);
                for (JsonNode l : kafka.path("listeners")) {
                    require(l.path("name").isTextual() && l.path("port").canConvertToInt() && l.path("type").isTextual()
                            && l.path("tls").isBoolean(), ".spec.kafka.listeners", "name, port, type, tls", report);
                }
                require(kafka.path("authorization").path("type").isTextual(), ".spec.kafka.authorization.type",
                        "required", report);
            }
            case "kafka.strimzi.io/v1/KafkaNodePool" -> {
                onlyKnown(spec, Set.of("replicas", "roles", "storage", "resources", "jvmOptions", "template"), report);
                require(spec.path("replicas").canConvertToInt() && spec.path("roles").size() > 0
                        && spec.path("storage").path("type").isTextual(), ".spec", "replicas, roles, storage.type", report);
                require(exists(all, "Kafka", doc.path("metadata").path("labels").path("strimzi.io/cluster").asText()),
                        ".metadata.labels", "strimzi.io/cluster names no Kafka", report);
            }
            case "kafka.strimzi.io/v1/KafkaTopic" -> {
                onlyKnown(spec, Set.of("topicName", "partitions", "replicas", "config"), report);
                require(spec.path("partitions").canConvertToInt() && spec.path("replicas").canConvertToInt(), ".spec",
                        "partitions and replicas", report);
                require(exists(all, "Kafka", doc.path("metadata").path("labels").path("strimzi.io/cluster").asText()),
                        ".metadata.labels", "strimzi.io/cluster names no Kafka", report);
            }
            case "kafka.strimzi.io/v1/KafkaUser" -> {
                onlyKnown(spec, Set.of("authentication", "authorization", "quotas", "template"), report);
                require(spec.path("authentication").path("type").isTextual(), ".spec.authentication.type", "required",
                        report);
                require("simple".equals(spec.path("authorization").path("type").asText()), ".spec.authorization.type",
                        "simple", report);
                for (JsonNode acl : spec.path("authorization").path("acls")) {
                    onlyKnown(acl, ".spec.authorization.acls[].", Set.of("resource", "operations", "host", "type"), report);
                    require(acl.path("resource").path("type").isTextual() && acl.path("operations").size() > 0,
                            ".spec.authorization.acls", "resource and operations", report);
                }
            }
            case "postgresql.cnpg.io/v1/Cluster" -> {
                onlyKnown(spec, CLUSTER_SPEC, report);
                require(spec.path("instances").canConvertToInt() && spec.path("instances").asInt() >= 1,
                        ".spec.instances", "at least 1", report);
                require(!spec.path("storage").path("size").asText().isEmpty(), ".spec.storage.size", "required", report);
                JsonNode initdb = spec.path("bootstrap").path("initdb");
                require(initdb.path("database").isTextual() && initdb.path("owner").isTextual(),
                        ".spec.bootstrap.initdb", "database and owner", report);
                boolean archived = false;
                for (JsonNode plugin : spec.path("plugins")) {
                    if (BARMAN_PLUGIN.equals(plugin.path("name").asText())) {
                        archived = plugin.path("isWALArchiver").asBoolean();
                        String store = plugin.path("parameters").path("barmanObjectName").asText();
                        require(exists(all, "ObjectStore", store), ".spec.plugins", "no ObjectStore " + store, report);
                    }
                }
                require(archived, ".spec.plugins", "WAL archiving through the Barman Cloud plugin", report);
            }
            case "postgresql.cnpg.io/v1/ScheduledBackup" -> {
                onlyKnown(spec, Set.of("schedule", "cluster", "method", "pluginConfiguration", "backupOwnerReference",
                        "immediate", "suspend", "target", "online", "onlineConfiguration"), report);
                require(spec.path("schedule").asText().trim().split("\\s+").length == 6, ".spec.schedule",
                        "six cron fields (seconds first)", report);
                require(exists(all, "Cluster", spec.path("cluster").path("name").asText()), ".spec.cluster.name",
                        "no such Cluster", report);
                require("plugin".equals(spec.path("method").asText())
                        && BARMAN_PLUGIN.equals(spec.path("pluginConfiguration").path("name").asText()),
                        ".spec.method", "plugin " + BARMAN_PLUGIN, report);
            }
            case "barmancloud.cnpg.io/v1/ObjectStore" -> {
                onlyKnown(spec, Set.of("configuration", "retentionPolicy", "instanceSidecarConfiguration"), report);
                JsonNode config = spec.path("configuration");
                require(config.path("destinationPath").asText().matches("(s3|gs|https)://.+"),
                        ".spec.configuration.destinationPath", "an object store URL", report);
                require(spec.path("retentionPolicy").asText().matches("\\d+[dwm]"), ".spec.retentionPolicy",
                        "like 30d", report);
            }
            case "k8s.keycloak.org/v2alpha1/Keycloak" -> {
                onlyKnown(spec, KEYCLOAK_SPEC, report);
                JsonNode db = spec.path("db");
                require("postgres".equals(db.path("vendor").asText()) && db.path("host").isTextual()
                        && db.path("usernameSecret").path("key").isTextual()
                        && db.path("passwordSecret").path("key").isTextual(), ".spec.db", "vendor, host, secrets", report);
                require(spec.path("http").path("httpEnabled").asBoolean() || spec.path("http").has("tlsSecret"),
                        ".spec.http", "httpEnabled or tlsSecret", report);
                require(spec.path("hostname").path("hostname").asText().startsWith("https://"), ".spec.hostname.hostname",
                        "the public https URL", report);
            }
            case "k8s.keycloak.org/v2alpha1/KeycloakRealmImport" -> {
                onlyKnown(spec, Set.of("keycloakCRName", "realm", "placeholders", "resources"), report);
                require(exists(all, "Keycloak", spec.path("keycloakCRName").asText()), ".spec.keycloakCRName",
                        "no such Keycloak", report);
                require(spec.path("realm").path("realm").isTextual(), ".spec.realm.realm", "required", report);
                Matcher m = PLACEHOLDER.matcher(spec.path("realm").toString());
                while (m.find()) {
                    JsonNode secret = spec.path("placeholders").path(m.group(1)).path("secret");
                    require(secret.path("name").isTextual() && secret.path("key").isTextual(), ".spec.placeholders",
                            "${" + m.group(1) + "} has no Secret", report);
                }
            }
            case "monitoring.coreos.com/v1/PrometheusRule" -> {
                onlyKnown(spec, Set.of("groups"), report);
                require(spec.path("groups").size() > 0, ".spec.groups", "required", report);
                for (JsonNode group : spec.path("groups")) {
                    onlyKnown(group, ".spec.groups[].", Set.of("name", "interval", "rules", "limit",
                            "partial_response_strategy", "query_offset", "labels"), report);
                    require(group.path("name").isTextual() && group.path("rules").size() > 0, ".spec.groups",
                            "name and rules", report);
                    for (JsonNode rule : group.path("rules")) {
                        onlyKnown(rule, ".spec.groups[].rules[].", Set.of("alert", "record", "expr", "for",
                                "keep_firing_for", "labels", "annotations"), report);
                        require(rule.path("alert").isTextual() != rule.path("record").isTextual()
                                && rule.path("expr").isTextual(), ".spec.groups[].rules", "alert or record, and expr", report);
                        require(!rule.has("for") || rule.path("for").asText().matches("\\d+[smhdwy]"),
                                ".spec.groups[].rules[].for", "a duration like 5m", report);
                    }
                }
            }
            case "monitoring.coreos.com/v1/PodMonitor" -> {
                onlyKnown(spec, Set.of("jobLabel", "podTargetLabels", "podMetricsEndpoints", "selector",
                        "namespaceSelector", "sampleLimit", "targetLimit", "labelLimit", "attachMetadata",
                        "scrapeProtocols", "scrapeClass"), report);
                require(spec.path("selector").isObject(), ".spec.selector", "required", report);
                require(spec.path("podMetricsEndpoints").size() > 0, ".spec.podMetricsEndpoints", "required", report);
                for (JsonNode endpoint : spec.path("podMetricsEndpoints")) {
                    onlyKnown(endpoint, ".spec.podMetricsEndpoints[].", Set.of("port", "portNumber", "path", "scheme",
                            "interval", "scrapeTimeout", "honorLabels", "honorTimestamps", "relabelings",
                            "metricRelabelings", "params", "basicAuth", "authorization", "tlsConfig"), report);
                    require(endpoint.path("port").isTextual(), ".spec.podMetricsEndpoints[].port", "a named port", report);
                    for (JsonNode relabel : endpoint.path("relabelings")) {
                        onlyKnown(relabel, ".spec.podMetricsEndpoints[].relabelings[].", Set.of("sourceLabels",
                                "separator", "targetLabel", "regex", "modulus", "replacement", "action"), report);
                    }
                }
            }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static void onlyKnown(JsonNode spec, Set<String> known, BiConsumer<String, String> report) {
        onlyKnown(spec, ".spec.", known, report);
    }

    private static void onlyKnown(JsonNode node, String path, Set<String> known, BiConsumer<String, String> report) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext();) {
            String field = it.next();
            if (!known.contains(field)) {
                report.accept(path + field, "unknown field");
            }
        }
    }

    private static boolean exists(List<JsonNode> all, String kind, String name) {
        return all.stream().anyMatch(d -> kind.equals(d.path("kind").asText()) && name.equals(Manifests.name(d)));
    }

    private static void require(boolean ok, String path, String what, BiConsumer<String, String> report) {
        if (!ok) {
            report.accept(path, what);
        }
    }
}
