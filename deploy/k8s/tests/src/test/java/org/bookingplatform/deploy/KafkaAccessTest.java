package org.bookingplatform.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every topic a service's configuration names has a KafkaTopic and an ACL that lets the service do
 * what the configuration does with it; and no KafkaUser may do more than the platform's event flow
 * needs: each service writes only its own topic and reads only what it consumes.
 */
class KafkaAccessTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;
    /** The outbox relays' topics: events leave through platform-messaging, not a configured channel. */
    private static final Map<String, String> PRODUCES = Map.of("booking-service", "booking.events",
            "payment-service", "payment.events", "user-service", "user.events");
    private static final Map<String, Set<String>> CONSUMES = Map.of(
            "booking-service", Set.of("payment.events", "user.events"),
            "payment-service", Set.of("booking.events"),
            "user-service", Set.of(),
            "notification-service", Set.of("booking.events", "payment.events", "user.events"));
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{[^:}]+:?([^}]*)}");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyConfiguredTopicExistsAndTheServiceMayUseIt(String overlay) throws IOException {
        Set<String> topics = new TreeSet<>();
        Manifests.ofKind(overlay, "KafkaTopic").forEach(t -> topics.add(t.path("spec").path("topicName").asText(Manifests.name(t))));
        List<String> problems = new ArrayList<>();
        for (String service : CONSUMES.keySet()) {
            JsonNode user = Manifests.named(overlay, "KafkaUser", service);
            List<String[]> needs = new ArrayList<>();
            if (PRODUCES.containsKey(service)) {
                needs.add(new String[] {"topic", PRODUCES.get(service), "Write"});
            }
            Properties p = new Properties();
            p.load(new StringReader(Manifests.read(Path.of(service, "src/main/resources/application.properties"))));
            for (String key : p.stringPropertyNames()) {
                Matcher m = CHANNEL.matcher(key);
                if (!m.matches()) {
                    continue;
                }
                String value = resolve(p.getProperty(key));
                boolean incoming = m.group(1).equals("incoming");
                switch (m.group(3)) {
                    case "topic" -> needs.add(new String[] {"topic", value, incoming ? "Read" : "Write"});
                    default -> { }
                }
                if (incoming && m.group(3).equals("connector")) {
                    String group = resolve(p.getProperty("mp.messaging.incoming." + m.group(2) + ".group.id",
                            p.getProperty("quarkus.application.name")));
                    needs.add(new String[] {"group", group, "Read"});
                    // platform-messaging dead-letters a poison record to <topic>.<group>.dead-letter.
                    String topic = resolve(p.getProperty("mp.messaging.incoming." + m.group(2) + ".topic", m.group(2)));
                    needs.add(new String[] {"topic", topic + "." + group + ".dead-letter", "Write"});
                }
            }
            for (String[] need : needs) {
                if (need[0].equals("topic") && !topics.contains(need[1])) {
                    problems.add(service + " uses " + need[1] + ": no KafkaTopic");
                }
                if (!allows(user, need[0], need[1], need[2])) {
                    problems.add(service + " may not " + need[2] + " " + need[0] + " " + need[1]);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noUserMayWriteOrReadBeyondItsFlow(String overlay) {
        List<String> problems = new ArrayList<>();
        for (JsonNode user : Manifests.ofKind(overlay, "KafkaUser")) {
            String name = Manifests.name(user);
            for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
                String type = acl.path("resource").path("type").asText();
                String resource = acl.path("resource").path("name").asText();
                boolean prefix = "prefix".equals(acl.path("resource").path("patternType").asText());
                Set<String> ops = new TreeSet<>();
                acl.path("operations").forEach(o -> ops.add(o.asText()));
                boolean ok;
                if (name.startsWith("partner-")) {
                    ok = (type.equals("topic") && !prefix && resource.equals("booking.events")
                            && Set.of("Describe", "Read").containsAll(ops))
                            || (type.equals("group") && prefix && resource.equals(name + "-") && ops.equals(Set.of("Read")));
                } else if (type.equals("group")) {
                    // Only the groups the service's own configuration consumes with, each by its exact name.
                    ok = !prefix && ops.equals(Set.of("Read")) && configuredGroups(name).contains(resource);
                } else if (type.equals("topic") && prefix) {
                    // The consumer's own dead-letter topics: <consumed topic>.<group>.dead-letter
                    ok = CONSUMES.get(name).stream().anyMatch(t -> resource.equals(t + "." + name));
                } else if (type.equals("topic")) {
                    ok = (resource.equals(PRODUCES.get(name)) && Set.of("Describe", "Write").containsAll(ops))
                            || (CONSUMES.get(name).contains(resource) && Set.of("Describe", "Read").containsAll(ops));
                } else {
                    ok = false;
                }
                if (!ok) {
                    problems.add(name + " has " + acl);
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /** Replicas of a group beyond a topic's partitions get none of it: the HPA must not scale past them. */
    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noConsumerScalesBeyondThePartitionsOfItsTopics(String overlay) {
        List<String> problems = new ArrayList<>();
        CONSUMES.forEach((service, topics) -> {
            int max = Manifests.named(overlay, "HorizontalPodAutoscaler", service).path("spec").path("maxReplicas").asInt();
            for (String topic : topics) {
                int partitions = Manifests.named(overlay, "KafkaTopic", topic).path("spec").path("partitions").asInt();
                if (max > partitions) {
                    problems.add(service + " scales to " + max + " but " + topic + " has " + partitions + " partitions");
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    /** The consumer groups of a service's incoming channels, as its application.properties sets them. */
    private static Set<String> configuredGroups(String service) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Manifests.read(Path.of(service, "src/main/resources/application.properties"))));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Set<String> groups = new TreeSet<>();
        for (String key : p.stringPropertyNames()) {
            Matcher m = CHANNEL.matcher(key);
            if (m.matches() && m.group(1).equals("incoming") && m.group(3).equals("connector")) {
                groups.add(resolve(p.getProperty("mp.messaging.incoming." + m.group(2) + ".group.id",
                        p.getProperty("quarkus.application.name"))));
            }
        }
        return groups;
    }

    private static boolean allows(JsonNode user, String type, String name, String operation) {
        for (JsonNode acl : user.path("spec").path("authorization").path("acls")) {
            JsonNode r = acl.path("resource");
            boolean matches = "prefix".equals(r.path("patternType").asText()) ? name.startsWith(r.path("name").asText())
                    : name.equals(r.path("name").asText());
            if (type.equals(r.path("type").asText()) && matches && acl.path("operations").toString().contains("\"" + operation + "\"")) {
                return true;
            }
        }
        return false;
    }

    /** `${ENV:default}` as the service sees it without that variable set. */
    private static String resolve(String value) {
        Matcher m = EXPRESSION.matcher(value);
        return m.matches() ? m.group(1) : value;
    }
}
