package org.bookingplatform.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The build's guard for consumers: a released schema version (released/v&lt;major&gt;/) may only
 * evolve compatibly. See contracts/README.md for how to release a change or a new major version.
 */
class ReleasedSchemasTest {

    static Stream<Named<Path>> releasedSchemas() {
        return ContractFiles.releasedSchemas().stream()
                .map(file -> Named.of(ContractFiles.RELEASED.relativize(file).toString(), file));
    }

    @Test
    void version1IsReleased() {
        assertFalse(ContractFiles.releasedSchemas().isEmpty());
    }

    @ParameterizedTest
    @MethodSource("releasedSchemas")
    void aReleasedSchemaIdIsTheUrnItsFileIsFoundBy(Path released) {
        assertEquals(ContractFiles.idOf(released).urn(), ContractFiles.read(released).path("$id").stringValue());
    }

    @ParameterizedTest
    @MethodSource("releasedSchemas")
    void aReleasedSchemaIsStillPublished(Path released) {
        assertTrue(Files.exists(currentOf(released)),
                "released " + ContractFiles.idOf(released).urn() + " has no current schema; retiring a major "
                        + "after its deprecation period means deleting its released file too");
    }

    @ParameterizedTest
    @MethodSource("releasedSchemas")
    void theCurrentSchemaDoesNotBreakItsRelease(Path released) {
        List<BreakingChange> changes = SchemaCompatibility.breakingChanges(
                ContractFiles.read(released), ContractFiles.read(currentOf(released)));

        assertEquals(List.of(), changes, () -> "schemas/" + ContractFiles.SCHEMAS.relativize(currentOf(released))
                + " breaks its released version:\n" + changes.stream().map(change -> "  - " + change)
                .collect(Collectors.joining("\n"))
                + "\nPublish the change as a new major version instead (see contracts/README.md).");
    }

    private static Path currentOf(Path released) {
        return ContractFiles.SCHEMAS.resolve(ContractFiles.RELEASED.relativize(released));
    }
}
