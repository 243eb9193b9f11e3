package org.bookingplatform.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bookingplatform.system.harness.LocalPlatform;
import org.bookingplatform.system.harness.Part;
import org.bookingplatform.system.harness.Service;
import org.bookingplatform.system.harness.SystemTest;
import org.bookingplatform.system.harness.SystemUnderTest;
import org.junit.jupiter.api.Test;

/** ./platform as an operator of the local platform meets it when a service hangs. */
@SystemTest
class PlatformCommandsIT {

    // Judge at once however recently the harness started the service (the default grace is 120 s).
    private static final Map<String, String> NO_START_GRACE = Map.of("SERVICE_START_GRACE", "0");

    @Test
    void aServiceThatRunsButDoesNotAnswerIsReportedAsSuchAndReplacedByUp(SystemUnderTest system) {
        LocalPlatform platform = system.platform();
        long hung = platform.pid(Part.NOTIFICATION);
        platform.pause(Part.NOTIFICATION);
        try {
            String status = platform.run(NO_START_GRACE, "status");
            assertEquals("not answering", state(status, "notification-service"), status);
            assertEquals("up", state(status, "booking-service"), status);

            String up = platform.run(NO_START_GRACE, "up");
            assertTrue(up.contains("notification-service runs but has not answered"), up);
            assertFalse(ProcessHandle.of(hung).map(ProcessHandle::isAlive).orElse(false), "the hung process was killed");
            assertNotEquals(hung, platform.pid(Part.NOTIFICATION));
            assertEquals(200, system.management(Service.NOTIFICATION).get("/q/health/ready").status());
            assertEquals("up", state(platform.status(), "notification-service"));
        } finally {
            if (ProcessHandle.of(hung).map(ProcessHandle::isAlive).orElse(false)) {
                platform.resume(Part.NOTIFICATION);
            }
        }
    }

    /** The state column of one line of ./platform status: up, starting, not answering, down. */
    private static String state(String status, String name) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\s+(up|starting|not answering|down)\\b").matcher(status);
        return line.find() ? line.group(1) : "missing from:\n" + status;
    }
}
