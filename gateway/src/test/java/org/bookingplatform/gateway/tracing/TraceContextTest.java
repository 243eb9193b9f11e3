package org.bookingplatform.gateway.tracing;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.bookingplatform.gateway.support.Backends;
import org.bookingplatform.gateway.support.Traced;
import org.bookingplatform.testsupport.IdentityTestResource;
import org.bookingplatform.testsupport.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** The service behind the gateway receives the gateway's trace context: its span is the parent. */
@QuarkusTest
@TestProfile(Traced.class)
@QuarkusTestResource(value = IdentityTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = Backends.class, restrictToAnnotatedClass = false)
class TraceContextTest {

    private static final String CLIENT_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    private final String token = TestTokens.customer(UUID.randomUUID());

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void forgetEarlierSpans() {
        spans.reset();
    }

    @Test
    void aProxiedRequestCarriesTheGatewaysSpanInANewTrace() {
        given().auth().oauth2(token).when().get("/api/v1/bookings/trace-new").then().statusCode(200);

        Traceparent received = Traceparent.of(Backends.BOOKING.last("/bookings/trace-new").header("traceparent"));
        SpanData server = awaitSpan(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(received.traceId()));
        SpanData client = awaitSpan(span -> span.getSpanId().equals(received.parentId()));
        assertEquals(SpanKind.CLIENT, client.getKind(), "the service's parent is the gateway's outbound request");
        assertEquals(server.getSpanId(), client.getParentSpanId());
        assertEquals("0000000000000000", server.getParentSpanId(), "no client context: the gateway starts the trace");
    }

    @Test
    void aClientsValidTraceparentIsContinuedWithTheGatewaysSpansBetween() {
        given().auth().oauth2(token).header("traceparent", "00-" + CLIENT_TRACE + "-" + CLIENT_SPAN + "-01")
                .when().get("/api/v1/bookings/trace-client").then().statusCode(200);

        Traceparent received = Traceparent.of(Backends.BOOKING.last("/bookings/trace-client").header("traceparent"));
        assertEquals(CLIENT_TRACE, received.traceId());
        assertNotEquals(CLIENT_SPAN, received.parentId(), "the client's span is not passed on unchanged");
        SpanData server = awaitSpan(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(CLIENT_TRACE));
        assertEquals(CLIENT_SPAN, server.getParentSpanId());
        assertEquals(server.getSpanId(), awaitSpan(span -> span.getSpanId().equals(received.parentId())).getParentSpanId());
    }

    @Test
    void anInvalidTraceparentStartsANewTrace() {
        given().auth().oauth2(token).header("traceparent", "garbage")
                .when().get("/api/v1/bookings/trace-garbage").then().statusCode(200);

        Traceparent received = Traceparent.of(Backends.BOOKING.last("/bookings/trace-garbage").header("traceparent"));
        SpanData server = awaitSpan(span -> span.getKind() == SpanKind.SERVER && span.getTraceId().equals(received.traceId()));
        assertEquals("0000000000000000", server.getParentSpanId());
    }

    private SpanData awaitSpan(Predicate<SpanData> matching) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> spans.getFinishedSpanItems().stream().filter(matching).findFirst(), Optional::isPresent).get();
    }

    /** version-traceid-parentid-flags. */
    private record Traceparent(String traceId, String parentId) {
        static Traceparent of(String header) {
            String[] parts = header.split("-");
            assertEquals(4, parts.length, header);
            return new Traceparent(parts[1], parts[2]);
        }
    }
}
