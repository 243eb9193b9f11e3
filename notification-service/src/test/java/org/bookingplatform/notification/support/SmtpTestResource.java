package org.bookingplatform.notification.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/** Points the service's mailer at {@link TestSmtp}. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        TestSmtp.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(TestSmtp.port()));
    }

    @Override
    public void stop() {
        TestSmtp.stop();
    }
}
