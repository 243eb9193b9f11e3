package org.bookingplatform.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.erosb.jsonsKema.FormatValidationPolicy;
import com.github.erosb.jsonsKema.JsonParser;
import com.github.erosb.jsonsKema.Schema;
import com.github.erosb.jsonsKema.SchemaLoader;
import com.github.erosb.jsonsKema.ValidationFailure;
import com.github.erosb.jsonsKema.Validator;
import com.github.erosb.jsonsKema.ValidatorConfig;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A partner validates our events with their own tool, not ours: every schema's examples must pass
 * a second JSON Schema implementation (json-sKema, with formats asserted and e-mail checked by
 * jmail) that shares no code with the networknt validator the services use.
 */
class IndependentValidatorTest {

    static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final Pattern AJV_EMAIL = Pattern.compile("^[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
            + "@(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$", Pattern.CASE_INSENSITIVE);

    static Stream<Named<Path>> allSchemas() {
        return Stream.concat(ContractFiles.currentSchemas().stream(), ContractFiles.releasedSchemas().stream())
                .map(file -> Named.of(ContractFiles.ROOT.relativize(file).toString(), file));
    }

    @ParameterizedTest
    @MethodSource("allSchemas")
    void everySchemaDeclaresDraft2020_12(Path file) {
        assertEquals(DRAFT_2020_12, ContractFiles.read(file).path("$schema").asString(), "the schema must say which draft it is written in");
    }

    @ParameterizedTest
    @MethodSource("allSchemas")
    void everyExamplePassesASecondIndependentValidator(Path file) {
        JsonNode schema = ContractFiles.read(file);
        Validator validator = validator(schema);
        assertFalse(schema.path("examples").isEmpty(), "no examples");
        for (JsonNode example : schema.path("examples")) {
            ValidationFailure failure = validator.validate(new JsonParser(example.toString()).parse());
            assertNull(failure, () -> "example rejected: " + failure);
        }
    }

    /**
     * ajv-formats' "email" pattern, which partners' JavaScript validators apply: it wants a dotted
     * domain, so an example such as {@code ada@example} (valid to some validators) is rejected there.
     */
    @ParameterizedTest
    @MethodSource("allSchemas")
    void everyExampleEmailPassesAjvFormatsPattern(Path file) {
        JsonNode schema = ContractFiles.read(file);
        schema.path("properties").propertyStream()
                .filter(property -> "email".equals(property.getValue().path("format").asString()))
                .forEach(property -> {
                    for (JsonNode example : schema.path("examples")) {
                        String email = example.path(property.getKey()).asString();
                        assertTrue(AJV_EMAIL.matcher(email).matches(), () -> property.getKey() + " " + email + " is no e-mail to ajv");
                    }
                });
    }

    @ParameterizedTest
    @MethodSource("allSchemas")
    void theSecondValidatorRejectsAnExampleWithoutItsAggregateId(Path file) {
        JsonNode schema = ContractFiles.read(file);
        ObjectNode example = (ObjectNode) schema.path("examples").get(0).deepCopy();
        example.remove(schema.path("required").get(0).stringValue());
        assertNotNull(validator(schema).validate(new JsonParser(example.toString()).parse()), "the check itself must be able to fail");
    }

    private static Validator validator(JsonNode schemaJson) {
        Schema schema = new SchemaLoader(new JsonParser(schemaJson.toString()).parse()).load();
        return Validator.create(schema, new ValidatorConfig(FormatValidationPolicy.ALWAYS));
    }
}
