package org.bookingplatform.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bookingplatform.gateway.route.GatewayRoute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * Merges the services' OpenAPI documents into one. Components with the same name and the same
 * content are kept once; a same-named but different component is renamed {@code <service>.<name>}
 * in the later service's document, references included, so no service's schema silently
 * replaces another's.
 * <p>
 * The gateway decides who may call what, so it also writes each operation's {@code security}:
 * {@code []} where its access rules let anonymous callers in (a client's generator must not
 * demand a token there), the service's own requirement or else the platform's bearer token
 * everywhere else. Every operation gets an {@code operationId} unique in the whole document
 * (the service's own, or one made from method and path when it has none or it clashes).
 */
final class OpenApiMerger {

    static final String MISSING_SERVICES = "x-missing-services";
    private static final String REF = "$ref";
    private static final List<String> COMPONENT_SECTIONS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems");
    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    static final String BEARER = "bearer";

    /** Whether the gateway lets anonymous callers make {@code method} (upper case) on {@code path}. */
    interface AccessRules {
        boolean isPublic(String method, String path);
    }

    private final String apiPrefix;
    private final AccessRules access;
    private final Map<String, Object> paths = new TreeMap<>();
    private final Map<String, Map<String, Object>> components = new LinkedHashMap<>();
    private final Map<String, Object> tags = new TreeMap<>();
    private final JsonArray security = new JsonArray();
    private final List<String> missing = new ArrayList<>();
    private String openapiVersion = "3.0.3";

    OpenApiMerger(String apiPrefix, AccessRules access) {
        this.apiPrefix = apiPrefix;
        this.access = access;
    }

    /** A service's document: its paths are the service's own, without the API prefix. */
    void add(String service, JsonObject document, List<GatewayRoute> routes) {
        merge(service, document, path -> {
            String full = apiPrefix + path;
            return routes.stream().anyMatch(route -> route.covers(full)) ? full : null;
        });
    }

    /** The gateway's own document: of its paths, those under the API prefix that no route takes. */
    void addOwn(JsonObject document, List<GatewayRoute> routes) {
        merge("gateway", document, path -> path.startsWith(apiPrefix + "/") && routes.stream().noneMatch(route -> route.covers(path))
                ? path : null);
    }

    private void merge(String service, JsonObject document, UnaryOperator<String> published) {
        Map<String, String> renamed = renamesFor(service, document.getJsonObject("components", new JsonObject()));
        JsonObject own = rewriteRefs(document, renamed);
        JsonObject ownComponents = own.getJsonObject("components", new JsonObject());
        for (String section : COMPONENT_SECTIONS) {
            JsonObject entries = ownComponents.getJsonObject(section, new JsonObject());
            for (String name : entries.fieldNames()) {
                String key = renamed.getOrDefault(ref(section, name), ref(section, name));
                components.computeIfAbsent(section, s -> new TreeMap<>())
                        .put(key.substring(key.lastIndexOf('/') + 1), entries.getValue(name));
            }
        }
        JsonObject ownPaths = own.getJsonObject("paths", new JsonObject());
        for (String path : ownPaths.fieldNames()) {
            String full = published.apply(path);
            if (full != null) {
                paths.put(full, ownPaths.getValue(path));
            }
        }
        JsonArray ownTags = own.getJsonArray("tags", new JsonArray());
        for (int i = 0; i < ownTags.size(); i++) {
            tags.putIfAbsent(ownTags.getJsonObject(i).getString("name"), ownTags.getValue(i));
        }
        JsonArray ownSecurity = own.getJsonArray("security", new JsonArray());
        ownSecurity.forEach(requirement -> {
            if (!security.contains(requirement)) {
                security.add(requirement);
            }
        });
        String version = own.getString("openapi", openapiVersion);
        if (version.compareTo(openapiVersion) > 0) {
            openapiVersion = version;
        }
    }

    void missing(String service) {
        missing.add(service);
    }

    JsonObject document() {
        if (describeOperations()) {
            components.computeIfAbsent("securitySchemes", s -> new TreeMap<>()).putIfAbsent(BEARER, new JsonObject()
                    .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                    .put("description", "An access token of Keycloak realm 'booking' with the audience 'booking-platform'"));
        }
        JsonObject mergedComponents = new JsonObject();
        components.forEach((section, entries) -> mergedComponents.put(section, new JsonObject(entries)));
        JsonObject document = new JsonObject()
                .put("openapi", openapiVersion)
                .put("info", new JsonObject()
                        .put("title", "Booking Platform API")
                        .put("version", "1")
                        .put("description", "All services behind the gateway, as clients call them."))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("tags", new JsonArray(new ArrayList<>(tags.values())))
                .put("paths", new JsonObject(paths))
                .put("components", mergedComponents);
        if (!security.isEmpty()) {
            document.put("security", security);
        }
        return document.put(MISSING_SERVICES, new JsonArray(missing));
    }

    /** Sets every operation's security and operationId; true if one needs the platform's bearer scheme. */
    private boolean describeOperations() {
        boolean bearerUsed = false;
        Set<String> operationIds = new HashSet<>();
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            if (!(path.getValue() instanceof JsonObject item)) {
                continue;
            }
            for (String method : METHODS) {
                JsonObject operation = item.getJsonObject(method);
                if (operation == null) {
                    continue;
                }
                if (access.isPublic(method.toUpperCase(Locale.ROOT), path.getKey())) {
                    operation.put("security", new JsonArray());
                } else if (operation.getJsonArray("security", new JsonArray()).isEmpty()) {
                    operation.put("security", new JsonArray().add(new JsonObject().put(BEARER, new JsonArray())));
                    bearerUsed = true;
                }
                String id = operation.getString("operationId");
                if (id == null || !operationIds.add(id)) {
                    id = operationId(method, path.getKey());
                    operationIds.add(id);
                    operation.put("operationId", id);
                }
            }
        }
        return bearerUsed;
    }

    /** "get" + "/api/v1/bookings/{id}/cancel" -> "getBookingsByIdCancel": unique, since method and path are. */
    private String operationId(String method, String path) {
        StringBuilder id = new StringBuilder(method);
        for (String segment : path.substring(apiPrefix.length()).split("/")) {
            boolean parameter = segment.startsWith("{");
            String word = segment.replaceAll("[^A-Za-z0-9]+", " ").trim();
            if (word.isEmpty()) {
                continue;
            }
            if (parameter) {
                id.append("By");
            }
            for (String part : word.split(" ")) {
                id.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return id.toString();
    }

    /** References ("#/components/schemas/Money") of this service's components that clash with merged ones. */
    private Map<String, String> renamesFor(String service, JsonObject ownComponents) {
        Map<String, String> renames = new HashMap<>();
        for (String section : COMPONENT_SECTIONS) {
            Map<String, Object> merged = components.getOrDefault(section, Map.of());
            JsonObject entries = ownComponents.getJsonObject(section, new JsonObject());
            for (String name : entries.fieldNames()) {
                Object existing = merged.get(name);
                if (existing != null && !existing.equals(entries.getValue(name))) {
                    renames.put(ref(section, name), ref(section, service + "." + name));
                }
            }
        }
        return renames;
    }

    private static JsonObject rewriteRefs(JsonObject document, Map<String, String> renames) {
        return renames.isEmpty() ? document : (JsonObject) rewrite(document.copy(), renames);
    }

    private static Object rewrite(Object node, Map<String, String> renames) {
        if (node instanceof JsonObject object) {
            for (String field : new ArrayList<>(object.fieldNames())) {
                Object value = object.getValue(field);
                if (REF.equals(field) && value instanceof String target && renames.containsKey(target)) {
                    object.put(field, renames.get(target));
                } else {
                    object.put(field, rewrite(value, renames));
                }
            }
        } else if (node instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewrite(array.getValue(i), renames));
            }
        }
        return node;
    }

    private static String ref(String section, String name) {
        return "#/components/" + section + "/" + name;
    }
}
