package org.bookingplatform.platform.messaging;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.testsupport.KafkaTestClient;
import org.bookingplatform.testsupport.PlatformTestResource;
import org.bookingplatform.testsupport.TestDatabase;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The relay publishes after the writing request has ended, on another thread: the trace must
 * survive the outbox row. A request writes a note through either write path; the record carries
 * the request's trace, and the consumer's span and its effect's SQL continue it.
 */
@QuarkusTest
@QuarkusTestResource(value = PlatformTestResource.class, restrictToAnnotatedClass = false)
class TraceContextIT {

    private final TestDatabase db = TestDatabase.of("platform_messaging");

    @Inject
    InMemorySpanExporter spans;

    @ConfigProperty(name = "mp.messaging.incoming.test-inbox.topic")
    String topic;

    @ParameterizedTest
    @ValueSource(strings = {"orm", "sql"})
    void theWritingRequestsTraceReachesTheRecordAndTheConsumer(String writePath) {
        spans.reset();
        String text = "traced-" + writePath + "-" + UUID.randomUUID();
        String eventId = given().post("/test/traced-notes/" + writePath + "/" + text)
                .then().statusCode(200).extract().asString();

        await().atMost(Duration.ofSeconds(30)).until(
                () -> db.count("select count(*) from test_received_event where event_id = ?", UUID.fromString(eventId)) == 1);
        SpanData request = awaitSpan(span -> span.getKind() == SpanKind.SERVER && span.getName().contains("traced-notes/" + writePath + "/"));
        String traceId = request.getTraceId();

        ConsumerRecord<String, String> record = KafkaTestClient.await(topic,
                candidate -> eventId.equals(KafkaTestClient.header(candidate, "ce_id")), 1, Duration.ofSeconds(30)).get(0);
        String traceparent = KafkaTestClient.header(record, "traceparent");
        assertTrue(traceparent != null && traceparent.startsWith("00-" + traceId + "-"),
                "the record's traceparent continues the request's trace " + traceId + ": " + traceparent);

        SpanData producer = awaitSpan(span -> span.getKind() == SpanKind.PRODUCER && span.getTraceId().equals(traceId));
        SpanData consumer = awaitSpan(span -> span.getKind() == SpanKind.CONSUMER && span.getTraceId().equals(traceId));
        assertEquals(producer.getSpanId(), consumer.getParentSpanId(), "the consumer continues from the record's headers");
        assertEquals(producer.getSpanId(), traceparent.substring(36, 52), "the record names the producer span as its parent");
        assertTrue(spansOf(traceId).stream().anyMatch(span -> span.getSpanId().equals(producer.getParentSpanId())),
                "the producer span's parent is a span of the writing request");
        // The effect's insert runs in the inbox's transaction, in the consumer's trace.
        awaitSpan(span -> span.getKind() == SpanKind.CLIENT && span.getTraceId().equals(traceId)
                && span.getStartEpochNanos() >= consumer.getStartEpochNanos()
                && String.valueOf(span.getAttributes().asMap().values()).contains("test_received_event"));
    }

    private SpanData awaitSpan(Predicate<SpanData> matching) {
        return await().atMost(Duration.ofSeconds(30)).until(
                () -> spans.getFinishedSpanItems().stream().filter(matching).findFirst(), found -> found.isPresent()).get();
    }

    private List<SpanData> spansOf(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }
}
