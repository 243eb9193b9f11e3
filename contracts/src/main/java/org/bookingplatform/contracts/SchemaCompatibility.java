package org.bookingplatform.contracts;

import static org.bookingplatform.contracts.BreakingChange.Kind.ENUM_VALUE_REMOVED;
import static org.bookingplatform.contracts.BreakingChange.Kind.FIELD_NO_LONGER_REQUIRED;
import static org.bookingplatform.contracts.BreakingChange.Kind.FIELD_REMOVED;
import static org.bookingplatform.contracts.BreakingChange.Kind.FORMAT_CHANGED;
import static org.bookingplatform.contracts.BreakingChange.Kind.REQUIRED_FIELD_ADDED;
import static org.bookingplatform.contracts.BreakingChange.Kind.TYPE_CHANGED;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Decides whether the current version of a data schema may replace a released one under the
 * same major version. Consumers are written against the release and topics are replayed, so both
 * directions count: events published under the release must still validate, and consumers must
 * still find every field they were promised, with the same type, format and enum values.
 *
 * <p>Breaking: a required field added (also an optional one made required), a field removed (also
 * a required one made optional), a field's type or format changed, an enum value removed (also an
 * enum put on a field that had none). Compatible: an optional field added, an enum value added,
 * descriptions and examples changed. Nested object properties are compared the same way.
 */
final class SchemaCompatibility {

    private final List<BreakingChange> changes = new ArrayList<>();

    private SchemaCompatibility() {
    }

    /** The changes from {@code released} to {@code current} that break the release; empty when compatible. */
    static List<BreakingChange> breakingChanges(JsonNode released, JsonNode current) {
        SchemaCompatibility compatibility = new SchemaCompatibility();
        compatibility.compareObjects("", released, current);
        return List.copyOf(compatibility.changes);
    }

    private void compareObjects(String prefix, JsonNode released, JsonNode current) {
        Set<String> releasedRequired = names(released.path("required"));
        Set<String> currentRequired = names(current.path("required"));
        JsonNode releasedProperties = released.path("properties");
        JsonNode currentProperties = current.path("properties");
        for (String field : currentRequired) {
            if (!releasedRequired.contains(field)) {
                add(prefix + field, REQUIRED_FIELD_ADDED, "is required, but the release did not require it");
            }
        }
        for (String field : releasedProperties.propertyNames()) {
            JsonNode currentField = currentProperties.get(field);
            if (currentField == null) {
                add(prefix + field, FIELD_REMOVED, "was removed");
                continue;
            }
            if (releasedRequired.contains(field) && !currentRequired.contains(field)) {
                add(prefix + field, FIELD_NO_LONGER_REQUIRED, "is no longer required, so consumers may not get it");
            }
            compareFields(prefix + field, releasedProperties.get(field), currentField);
        }
    }

    private void compareFields(String field, JsonNode released, JsonNode current) {
        Set<String> releasedTypes = names(released.path("type"));
        Set<String> currentTypes = names(current.path("type"));
        if (!releasedTypes.equals(currentTypes)) {
            add(field, TYPE_CHANGED, "type changed from " + releasedTypes + " to " + currentTypes);
        }
        if (!Objects.equals(released.get("format"), current.get("format"))) {
            add(field, FORMAT_CHANGED, "format changed from " + released.get("format") + " to " + current.get("format"));
        }
        compareEnums(field, released.get("enum"), current.get("enum"));
        if (releasedTypes.contains("object")) {
            compareObjects(field + ".", released, current);
        }
    }

    // No enum means any value: an enum may grow or go, but not shrink or appear.
    private void compareEnums(String field, JsonNode released, JsonNode current) {
        if (current == null) {
            return;
        }
        if (released == null) {
            add(field, ENUM_VALUE_REMOVED, "is now restricted to " + current);
            return;
        }
        for (JsonNode value : released) {
            if (current.valueStream().noneMatch(value::equals)) {
                add(field, ENUM_VALUE_REMOVED, "lost the enum value " + value);
            }
        }
    }

    // "type" may be one name or an array of names; "required" is an array.
    private static Set<String> names(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        if (node.isString()) {
            names.add(node.stringValue());
        }
        for (JsonNode element : node) {
            names.add(element.stringValue());
        }
        return names;
    }

    private void add(String field, BreakingChange.Kind kind, String detail) {
        changes.add(new BreakingChange(field, kind, detail));
    }
}
