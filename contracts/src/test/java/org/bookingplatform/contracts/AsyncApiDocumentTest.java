package org.bookingplatform.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Lints asyncapi.yaml against the schema files and the event types, which it must describe completely. */
class AsyncApiDocumentTest {

    private static final Path DOCUMENT = ContractFiles.ROOT.resolve("asyncapi.yaml");
    private static final JsonNode ASYNCAPI = YAMLMapper.builder().build().readTree(DOCUMENT);
    private static final List<String> REFS = ASYNCAPI.findValuesAsString("$ref");

    @Test
    void isAnAsyncApi3Document() {
        assertEquals("3.0.0", ASYNCAPI.path("asyncapi").stringValue());
    }

    @Test
    void everySchemaFileIsReferenced() {
        Set<Path> referenced = REFS.stream().filter(ref -> !ref.startsWith("#")).map(AsyncApiDocumentTest::fileOf)
                .collect(Collectors.toSet());

        List<Path> unreferenced = ContractFiles.currentSchemas().stream().filter(file -> !referenced.contains(file)).toList();

        assertEquals(List.of(), unreferenced);
    }

    @Test
    void everyReferencedFileExists() {
        List<String> missing = REFS.stream().filter(ref -> !ref.startsWith("#"))
                .filter(ref -> !Files.isRegularFile(fileOf(ref)))
                .toList();

        assertEquals(List.of(), missing);
    }

    @Test
    void everyReferenceWithinTheDocumentResolves() {
        List<String> dangling = REFS.stream().filter(ref -> ref.startsWith("#"))
                .filter(ref -> ASYNCAPI.at(ref.substring(1)).isMissingNode())
                .toList();

        assertTrue(REFS.stream().anyMatch(ref -> ref.startsWith("#")), "the lint found no internal reference to check");
        assertEquals(List.of(), dangling);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventTypeHasAMessageOnItsTopic(EventType type) {
        Set<String> messageNames = new TreeSet<>();
        JsonNode messages = ASYNCAPI.path("components").path("messages");
        for (JsonNode channel : ASYNCAPI.path("channels")) {
            if (channel.path("address").stringValue().equals(type.topic().topicName())) {
                for (JsonNode ref : channel.path("messages")) {
                    messageNames.add(messages.at(ref.path("$ref").stringValue().substring("#/components/messages".length()))
                            .path("name").stringValue());
                }
            }
        }

        assertTrue(messageNames.contains(type.ceType()), type.topic().topicName() + " carries " + messageNames);
    }

    @Test
    void everyMessageDeclaresTheTypeSourceAndDataschemaOfItsPayload() {
        for (JsonNode message : ASYNCAPI.path("components").path("messages")) {
            String name = message.path("name").stringValue();
            EventType type = EventType.fromCeType(name).orElseThrow(() -> new AssertionError("unknown message " + name));
            JsonNode headers = message.path("headers");
            JsonNode payloadSchema = ContractFiles.read(fileOf(message.path("payload").path("schema").path("$ref").stringValue()));

            assertEquals(type.ceType(), headers.findValue("ce_type").path("const").stringValue(), name);
            assertEquals(type.topic().source(), headers.findValue("ce_source").path("const").stringValue(), name);
            assertEquals(payloadSchema.path("$id").stringValue(), headers.findValue("ce_dataschema").path("const").stringValue(), name);
        }
    }

    @Test
    void theHeadersSchemaRequiresEveryCloudEventsHeaderTheValidatorChecks() {
        Set<String> required = ASYNCAPI.at("/components/schemas/CloudEventHeaders/required").valueStream()
                .map(JsonNode::stringValue).collect(Collectors.toSet());

        assertEquals(Set.copyOf(RecordValidator.REQUIRED_HEADERS), required);
    }

    private static Path fileOf(String ref) {
        return DOCUMENT.resolveSibling(ref.split("#", 2)[0]).normalize();
    }
}
