package org.bookingplatform.gateway.web;

import org.bookingplatform.gateway.support.Commands;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The sign-in library served to browsers is exactly the release package-lock.json pins (npm checks
 * the package's integrity hash): src/main/web/vendor.sh --check installs it and compares. Needs npm,
 * which CI installs; skipped without it elsewhere.
 */
class WebClientLibrariesTest {

    @Test
    void theCommittedKeycloakJsIsThePinnedRelease() throws IOException, InterruptedException {
        assumeTrue(Commands.availableOrRequired("npm"), "npm is not installed: the library check is skipped");
        Process check = new ProcessBuilder("bash", "src/main/web/vendor.sh", "--check").redirectErrorStream(true).start();
        String report = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        check.waitFor(5, TimeUnit.MINUTES);
        assertEquals(0, check.exitValue(), "vendored libraries differ from package-lock.json:\n" + report);
    }
}
