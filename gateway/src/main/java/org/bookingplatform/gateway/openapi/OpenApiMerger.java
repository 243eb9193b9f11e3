package org.bookingplatform.gateway.openapi;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.bookingplatform.gateway.route.GatewayRoute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Merges the services' OpenAPI documents into one. Components with the same name and the same
 * content are kept once; a same-named but different component is renamed {@code <service>.<name>}
 * in the later service's document, references included, so no service's schema silently
 * replaces another's.
 */
final class OpenApiMerger {

    static final String MISSING_SERVICES = "x-missing-services";
    private static final String REF = "$ref";
    private static final List<String> COMPONENT_SECTIONS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems");

    private final String apiPrefix;
    private final Map<String, Object> paths = new TreeMap<>();
    private final Map<String, Map<String, Object>> components = new LinkedHashMap<>();
    private final Map<String, Object> tags = new TreeMap<>();
    private final JsonArray security = new JsonArray();
    private final List<String> missing = new ArrayList<>();
    private String openapiVersion = "3.0.3";

    OpenApiMerger(String apiPrefix) {
        this.apiPrefix = apiPrefix;
    }

    void add(String service, JsonObject document, List<GatewayRoute> routes) {
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
            String full = apiPrefix + path;
            if (routes.stream().anyMatch(route -> route.covers(full))) {
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
