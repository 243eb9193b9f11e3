package org.bookingplatform.contracts;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The current data schemas, loaded from the classpath by their {@code urn:bookingplatform:schema:...} id. */
final class EventSchemas {

    // The schema files leave out "$schema" (its value would name a web host), so the dialect is set here.
    // Format assertions are off by default in 2020-12; without them "uuid" and "date-time" would check nothing.
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder
                    .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
                    .schemaIdResolvers(resolvers -> resolvers.mappings(id -> DataSchemaId.parse(id)
                            .map(schemaId -> "classpath:" + schemaId.classpathResource())
                            .orElse(null))));

    private static final Map<DataSchemaId, Optional<Schema>> LOADED = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema with that id, or empty when no such version is published. */
    static Optional<Schema> find(DataSchemaId id) {
        return LOADED.computeIfAbsent(id, EventSchemas::load);
    }

    private static Optional<Schema> load(DataSchemaId id) {
        if (EventSchemas.class.getClassLoader().getResource(id.classpathResource()) == null) {
            return Optional.empty();
        }
        Schema schema = REGISTRY.getSchema(SchemaLocation.of(id.urn()));
        schema.initializeValidators();
        return Optional.of(schema);
    }
}
