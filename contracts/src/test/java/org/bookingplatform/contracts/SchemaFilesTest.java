package org.bookingplatform.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.networknt.schema.Schema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SchemaFilesTest {

    static Stream<Named<Path>> currentSchemas() {
        return ContractFiles.currentSchemas().stream().map(SchemaFilesTest::named);
    }

    static Stream<Arguments> requiredFields() {
        return ContractFiles.currentSchemas().stream().flatMap(file -> strings(ContractFiles.read(file).path("required"))
                .stream().map(field -> Arguments.of(named(file), field)));
    }

    static Stream<Arguments> enumFields() {
        return ContractFiles.currentSchemas().stream().flatMap(file -> ContractFiles.read(file).path("properties")
                .propertyStream()
                .filter(property -> property.getValue().has("enum"))
                .map(property -> Arguments.of(named(file), property.getKey())));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasAPublishedSchema(EventType type) {
        assertTrue(ContractFiles.currentSchemas().stream()
                        .anyMatch(file -> ContractFiles.idOf(file).typeName().equals(type.typeName())),
                "no schema file for " + type.typeName());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void everySchemaFileIsForAKnownEventType(Path file) {
        assertEquals(ContractFiles.idOf(file).typeName(), typeOf(file).typeName());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void everySchemaIdIsTheUrnItsFileIsFoundBy(Path file) {
        assertEquals(ContractFiles.idOf(file).urn(), ContractFiles.read(file).path("$id").stringValue());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void everySchemaRequiresTheAggregateIdVersionAndTimeOfTheEvent(Path file) {
        JsonNode schema = ContractFiles.read(file);
        String idField = typeOf(file).topic().aggregateIdField();
        Set<String> required = strings(schema.path("required"));
        assertTrue(required.containsAll(List.of(idField, "version", "occurredAt")), "required: " + required);
        JsonNode properties = schema.path("properties");
        assertEquals("uuid", properties.path(idField).path("format").stringValue());
        assertEquals("integer", properties.path("version").path("type").stringValue());
        assertEquals(1, properties.path("version").path("minimum").asInt());
        assertEquals("date-time", properties.path("occurredAt").path("format").stringValue());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void everySchemaLetsNewOptionalFieldsThrough(Path file) {
        assertTrue(ContractFiles.read(file).path("additionalProperties").asBoolean(false), "additionalProperties must be true");
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void everyExampleValidates(Path file) {
        JsonNode examples = ContractFiles.read(file).path("examples");
        assertFalse(examples.isEmpty(), "no examples");
        for (JsonNode example : examples) {
            assertEquals(List.of(), errors(file, example));
        }
    }

    @ParameterizedTest
    @MethodSource("requiredFields")
    void anExampleMissingARequiredFieldIsInvalid(Path file, String field) {
        ObjectNode example = firstExample(ContractFiles.read(file));
        example.remove(field);
        assertEquals(List.of(": required property '" + field + "' not found"), errors(file, example));
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void anExampleWithAMalformedIdOrTimeIsInvalid(Path file) {
        JsonNode schema = ContractFiles.read(file);
        String idField = typeOf(file).topic().aggregateIdField();
        ObjectNode example = firstExample(schema);
        example.put(idField, "8f14e45f-not-a-uuid");
        example.put("occurredAt", "2026-05-04 09:15");
        List<String> errors = errors(file, example);
        assertEquals(2, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("/" + idField + ": does not match the uuid pattern"), errors.toString());
        assertTrue(errors.get(1).startsWith("/occurredAt: does not match the date-time pattern"), errors.toString());
    }

    @ParameterizedTest
    @MethodSource("enumFields")
    void anExampleWithAnUnknownEnumValueIsInvalid(Path file, String field) {
        ObjectNode example = firstExample(ContractFiles.read(file));
        example.put(field, "NOT_A_KNOWN_VALUE");
        List<String> errors = errors(file, example);
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("/" + field + ": does not have a value in the enumeration"), errors.toString());
    }

    @ParameterizedTest
    @MethodSource("currentSchemas")
    void partnerFacingSchemasHaveNoPersonalDataFields(Path file) {
        if (typeOf(file).topic().partnerFacing()) {
            List<String> personal = ContractFiles.read(file).path("properties").propertyNames().stream()
                    .filter(PersonalData::looksPersonal)
                    .toList();
            assertEquals(List.of(), personal, file.getFileName() + " is on booking.events, which partners read");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"email", "customerEmail", "displayName", "lastName", "phone", "phoneNumber", "cardLast4",
            "paymentMethod", "billingAddress", "iban", "dateOfBirth"})
    void personalDataRuleRecognisesNamesContactAndPaymentDetails(String field) {
        assertTrue(PersonalData.looksPersonal(field));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bookingId", "customerId", "listingId", "paymentId", "amount", "currency", "start", "end",
            "cancelledBy", "previousStatus", "reason", "holdExpiresAt"})
    void personalDataRuleLetsIdsAndBookingFactsThrough(String field) {
        assertFalse(PersonalData.looksPersonal(field));
    }

    @Test
    void userEventsDoCarryPersonalDataSoTheRuleIsNotVacuous() {
        assertTrue(ContractFiles.currentSchemas().stream()
                .filter(file -> typeOf(file).topic() == Topic.USER_EVENTS)
                .flatMap(file -> ContractFiles.read(file).path("properties").propertyNames().stream())
                .anyMatch(PersonalData::looksPersonal));
    }

    @Test
    void noContractFileNamesAWebHost() throws IOException {
        Pattern webHost = Pattern.compile("(?i)https?://|www\\.|\\.(com|org|net|io)\\b");
        // Two names that are no hosts to fetch from: the identifier of the JSON Schema draft a
        // schema declares ($schema, never downloaded by a validator that knows the draft), and the
        // domain reserved for examples (RFC 2606).
        Pattern notAHost = Pattern.compile("\"https://json-schema\\.org/draft/2020-12/schema\"|@example\\.(com|org|net)\\b");
        List<String> offenders = new ArrayList<>();
        for (Path file : ContractFiles.allFiles()) {
            try (Stream<String> lines = Files.lines(file)) {
                lines.filter(line -> webHost.matcher(notAHost.matcher(line).replaceAll("")).find())
                        .forEach(line -> offenders.add(ContractFiles.ROOT.relativize(file) + ": " + line.trim()));
            }
        }
        assertEquals(List.of(), offenders);
    }

    private static Named<Path> named(Path file) {
        return Named.of(ContractFiles.ROOT.relativize(file).toString(), file);
    }

    private static EventType typeOf(Path file) {
        String typeName = ContractFiles.idOf(file).typeName();
        return Arrays.stream(EventType.values()).filter(type -> type.typeName().equals(typeName)).findFirst()
                .orElseThrow(() -> new AssertionError(file + " describes no EventType"));
    }

    private static ObjectNode firstExample(JsonNode schema) {
        return (ObjectNode) schema.path("examples").get(0).deepCopy();
    }

    private static List<String> errors(Path file, JsonNode data) {
        Schema schema = EventSchemas.find(ContractFiles.idOf(file)).orElseThrow();
        return schema.validate(data).stream().map(Object::toString).toList();
    }

    private static Set<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::stringValue).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
