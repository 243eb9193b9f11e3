package org.bookingplatform.platform.messaging;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.bookingplatform.platform.messaging.testapp.TestOrders;
import org.bookingplatform.platform.messaging.testapp.TestSqlOrders;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestInfrastructure;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static org.bookingplatform.testsupport.KafkaTestClient.header;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay is woken by the commit, not by its poll: with the poll once a minute, every event is
 * on the topic within a second of its commit, for both ways a service writes its outbox. The
 * topic stamps records with the broker's append time, so the bound is measured from the commit
 * (the use case's return) to the moment the record is in the log, whatever the test consumer's
 * own delays.
 */
@QuarkusTest
@TestProfile(OutboxLatencyIT.PollOncePerMinute.class)
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class OutboxLatencyIT {

    public static class PollOncePerMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("platform.messaging.outbox.relay-interval", "60s");
        }
    }

    private static final String TOPIC = "test.latency-" + UUID.randomUUID();
    private static final Duration BOUND = Duration.ofSeconds(1);

    @Inject
    TestOrders orders;

    @Inject
    TestSqlOrders sqlOrders;

    @BeforeAll
    static void createTopicStampedByTheBroker() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafkaBootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1)
                    .configs(Map.of("message.timestamp.type", "LogAppendTime")))).all().get();
        }
    }

    @Test
    void eventsWrittenThroughHibernateAreOnTheTopicWithinASecondOfTheirCommit() throws Throwable {
        List<Instant> committed = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        warmUp(() -> orders.placeOn(TOPIC, UUID.randomUUID()));
        for (int i = 0; i < 5; i++) {
            UUID orderId = UUID.randomUUID();
            ids.add(VertxContextSupport.subscribeAndAwait(() -> orders.placeOn(TOPIC, orderId)).id());
            committed.add(Instant.now());
            Thread.sleep(300);
        }

        assertEachWithinTheBound(ids, committed);
    }

    @Test
    void eventsWrittenThroughTheSqlClientAreOnTheTopicWithinASecondOfTheirCommit() throws Throwable {
        List<Instant> committed = new ArrayList<>();
        List<UUID> ids = new ArrayList<>();
        warmUp(() -> sqlOrders.place(TOPIC, UUID.randomUUID()));
        for (int i = 0; i < 5; i++) {
            UUID orderId = UUID.randomUUID();
            ids.add(VertxContextSupport.subscribeAndAwait(() -> sqlOrders.place(TOPIC, orderId)).id());
            committed.add(Instant.now());
            Thread.sleep(300);
        }

        assertEachWithinTheBound(ids, committed);
    }

    /**
     * One event before the measured ones: the first publication to a new topic waits for the
     * producer to fetch the topic's metadata, and the first use case of a fresh application for
     * its classes to load; neither is what the bound is about. It must arrive all the same.
     */
    private static void warmUp(Supplier<Uni<OutgoingEvent>> write) throws Throwable {
        String id = VertxContextSupport.subscribeAndAwait(write).id().toString();
        assertEquals(1, KafkaTestClient.await(TOPIC, record -> id.equals(header(record, "ce_id")), 1, Duration.ofSeconds(30)).size(),
                "the warm-up event, published without a poll");
    }

    private static void assertEachWithinTheBound(List<UUID> ids, List<Instant> committed) {
        List<String> wanted = ids.stream().map(UUID::toString).toList();
        List<ConsumerRecord<String, String>> records = KafkaTestClient.await(TOPIC,
                record -> wanted.contains(header(record, "ce_id")), ids.size(), Duration.ofSeconds(30));
        assertEquals(ids.size(), records.size(), "events on the topic");
        for (ConsumerRecord<String, String> record : records) {
            assertEquals(TimestampType.LOG_APPEND_TIME, record.timestampType(), "the broker stamps the records");
            int index = wanted.indexOf(header(record, "ce_id"));
            Duration latency = Duration.between(committed.get(index), Instant.ofEpochMilli(record.timestamp()));
            assertTrue(latency.compareTo(BOUND) <= 0, "event " + wanted.get(index) + " appended " + latency.toMillis()
                    + " ms after its commit; the poll runs only once a minute");
        }
    }
}
