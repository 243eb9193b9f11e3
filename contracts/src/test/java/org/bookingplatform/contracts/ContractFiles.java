package org.bookingplatform.contracts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The contract files as the build packages them (target/classes/contracts), for tests that look at them as files. */
final class ContractFiles {

    static final Path ROOT = classpathDirectory("contracts");
    static final Path SCHEMAS = ROOT.resolve("schemas");
    static final Path RELEASED = ROOT.resolve("released");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ContractFiles() {
    }

    /** The current schema files, e.g. {@code schemas/v1/booking.requested.schema.json}. */
    static List<Path> currentSchemas() {
        return schemaFilesUnder(SCHEMAS);
    }

    /** The released schema files, e.g. {@code released/v1/booking.requested.schema.json}. */
    static List<Path> releasedSchemas() {
        return schemaFilesUnder(RELEASED);
    }

    static List<Path> allFiles() {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema id that a file's place implies: {@code v1/booking.requested.schema.json} is booking.requested, v1. */
    static DataSchemaId idOf(Path schemaFile) {
        String major = schemaFile.getParent().getFileName().toString();
        String typeName = schemaFile.getFileName().toString().replace(".schema.json", "");
        return new DataSchemaId(typeName, Integer.parseInt(major.substring(1)));
    }

    static JsonNode read(Path file) {
        return JSON.readTree(file);
    }

    /** The first example of the current schema of that type, version 1. */
    static JsonNode example(EventType type) {
        return read(SCHEMAS.resolve("v1").resolve(type.typeName() + ".schema.json")).path("examples").get(0);
    }

    static Path classpathDirectory(String name) {
        try {
            return Path.of(ContractFiles.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> schemaFilesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".schema.json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
