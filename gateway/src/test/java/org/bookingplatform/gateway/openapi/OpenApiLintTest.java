package org.bookingplatform.gateway.openapi;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.gateway.support.Commands;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The combined document as partners' tools read it: Redocly CLI's recommended rules, 0 errors
 * (src/test/openapi-lint.sh; needs node and npm, which CI installs). The document is written to
 * target/openapi/booking-platform.json, to be read or linted again by hand.
 */
@QuarkusTest
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class OpenApiLintTest {

    @Test
    void theCombinedDocumentPassesRedoclysRecommendedRules() throws IOException, InterruptedException {
        assumeTrue(Commands.availableOrRequired("npm"), "npm is not installed: the OpenAPI lint is skipped");
        String document = given().when().get("/api/v1/openapi.json").then().statusCode(200).extract().asString();
        Path file = Path.of("target/openapi/booking-platform.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, document, StandardCharsets.UTF_8);

        Process lint = new ProcessBuilder("bash", "src/test/openapi-lint.sh", file.toString()).redirectErrorStream(true).start();
        String report = new String(lint.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        lint.waitFor(5, TimeUnit.MINUTES);
        assertEquals(0, lint.exitValue(), "redocly lint found errors:\n" + report);
    }
}
