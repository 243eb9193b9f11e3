package org.bookingplatform.contracts;

import static org.bookingplatform.contracts.BreakingChange.Kind.ENUM_VALUE_REMOVED;
import static org.bookingplatform.contracts.BreakingChange.Kind.FIELD_NO_LONGER_REQUIRED;
import static org.bookingplatform.contracts.BreakingChange.Kind.FIELD_REMOVED;
import static org.bookingplatform.contracts.BreakingChange.Kind.FORMAT_CHANGED;
import static org.bookingplatform.contracts.BreakingChange.Kind.REQUIRED_FIELD_ADDED;
import static org.bookingplatform.contracts.BreakingChange.Kind.TYPE_CHANGED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Each fixture in src/test/resources/compatibility changes one thing in released.schema.json. */
class SchemaCompatibilityTest {

    @Test
    void anUnchangedSchemaIsCompatible() {
        assertEquals(List.of(), changesTo("released"));
    }

    @Test
    void addingAnOptionalFieldIsCompatible() {
        assertEquals(List.of(), changesTo("optional-field-added"));
    }

    @Test
    void addingAnEnumValueIsCompatible() {
        assertEquals(List.of(), changesTo("enum-value-added"));
    }

    @Test
    void changingDescriptionsAndExamplesIsCompatible() {
        assertEquals(List.of(), changesTo("documentation-changed"));
    }

    @Test
    void addingARequiredFieldIsBreaking() {
        assertEquals(List.of("channel " + REQUIRED_FIELD_ADDED), changesTo("required-field-added"));
    }

    @Test
    void makingAnOptionalFieldRequiredIsBreaking() {
        assertEquals(List.of("note " + REQUIRED_FIELD_ADDED), changesTo("optional-field-made-required"));
    }

    @Test
    void removingAFieldIsBreaking() {
        assertEquals(List.of("note " + FIELD_REMOVED), changesTo("field-removed"));
    }

    @Test
    void makingARequiredFieldOptionalIsBreaking() {
        assertEquals(List.of("amount " + FIELD_NO_LONGER_REQUIRED), changesTo("required-field-made-optional"));
    }

    @Test
    void changingAFieldsTypeIsBreaking() {
        assertEquals(List.of("amount " + TYPE_CHANGED), changesTo("field-type-changed"));
    }

    @Test
    void changingAFieldsFormatIsBreaking() {
        assertEquals(List.of("fixtureId " + FORMAT_CHANGED), changesTo("field-format-changed"));
    }

    @Test
    void removingAnEnumValueIsBreaking() {
        assertEquals(List.of("status " + ENUM_VALUE_REMOVED), changesTo("enum-value-removed"));
    }

    @Test
    void restrictingAFreeFieldToAnEnumIsBreaking() {
        assertEquals(List.of("note " + ENUM_VALUE_REMOVED), changesTo("enum-put-on-free-field"));
    }

    @Test
    void removingAFieldOfANestedObjectIsBreaking() {
        assertEquals(List.of("venue.city " + FIELD_REMOVED), changesTo("nested-field-removed"));
    }

    @Test
    void aBreakingChangeSaysWhatChanged() {
        JsonNode current = fixture("field-type-changed");

        assertEquals("amount: type changed from [integer] to [number] (TYPE_CHANGED)",
                SchemaCompatibility.breakingChanges(fixture("released"), current).get(0).toString());
    }

    private static List<String> changesTo(String fixture) {
        return SchemaCompatibility.breakingChanges(fixture("released"), fixture(fixture)).stream()
                .map(change -> change.field() + " " + change.kind())
                .toList();
    }

    private static JsonNode fixture(String name) {
        return ContractFiles.read(ContractFiles.classpathDirectory("compatibility").resolve(name + ".schema.json"));
    }
}
