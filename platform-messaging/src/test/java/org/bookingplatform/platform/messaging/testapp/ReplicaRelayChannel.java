package org.bookingplatform.platform.messaging.testapp;

import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Channel;

/**
 * A second Kafka producer configured like the outbox channel, for a second relay in the same
 * process standing in for another replica of the service (test application.properties).
 */
@ApplicationScoped
public class ReplicaRelayChannel {

    public static final String CHANNEL = "test-replica-outbox";

    private final MutinyEmitter<String> emitter;

    ReplicaRelayChannel(@Channel(CHANNEL) MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public MutinyEmitter<String> emitter() {
        return emitter;
    }
}
