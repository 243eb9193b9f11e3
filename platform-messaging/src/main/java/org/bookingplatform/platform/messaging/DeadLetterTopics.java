package org.bookingplatform.platform.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.Config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Names the dead-letter topic of every consumed topic: {@code <topic>.<consumer group>.dead-letter},
 * e.g. {@code payment.events.booking-service.dead-letter}. One per topic and group, so that each
 * group replays only its own dead letters. The group is the one configured on the service's
 * incoming Kafka channel of that topic ({@code group.id}, by default the application name, as
 * the Kafka extension does).
 */
@ApplicationScoped
class DeadLetterTopics {

    private static final String INCOMING = "mp.messaging.incoming.";
    private static final String CONNECTOR = ".connector";

    private final Map<String, String> byTopic = new HashMap<>();
    private final String applicationName;

    DeadLetterTopics(Config config) {
        this.applicationName = config.getOptionalValue("quarkus.application.name", String.class).orElse("application");
        for (String name : config.getPropertyNames()) {
            if (!name.startsWith(INCOMING) || !name.endsWith(CONNECTOR)
                    || !"smallrye-kafka".equals(config.getOptionalValue(name, String.class).orElse(null))) {
                continue;
            }
            String channel = name.substring(INCOMING.length(), name.length() - CONNECTOR.length());
            String topic = value(config, channel, "topic").orElse(channel);
            String group = value(config, channel, "group.id")
                    .or(() -> config.getOptionalValue("kafka.group.id", String.class))
                    .orElse(applicationName);
            byTopic.put(topic, name(topic, group));
        }
    }

    static String name(String topic, String group) {
        return topic + "." + group + ".dead-letter";
    }

    String of(String topic) {
        return byTopic.getOrDefault(topic, name(topic, applicationName));
    }

    private static Optional<String> value(Config config, String channel, String attribute) {
        return config.getOptionalValue(INCOMING + channel + "." + attribute, String.class);
    }
}
