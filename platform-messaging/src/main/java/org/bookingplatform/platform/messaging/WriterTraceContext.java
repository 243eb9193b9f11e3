package org.bookingplatform.platform.messaging;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.smallrye.reactive.messaging.TracingMetadata;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trace context of the use case that wrote an outbox row, in W3C form ({@code traceparent},
 * {@code tracestate}) as it is stored with the row, and the OpenTelemetry context the relay sends
 * the event under. Both fields are null when the writer was in no trace (tracing off, a job
 * outside any span).
 */
record WriterTraceContext(String traceParent, String traceState) {

    static final WriterTraceContext NONE = new WriterTraceContext(null, null);

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";
    private static final TextMapGetter<Map<String, String>> FROM_MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    /** The context of the span current in the caller (on its Vert.x context, where Quarkus keeps it). */
    static WriterTraceContext current() {
        Context current = Context.current();
        if (!Span.fromContext(current).getSpanContext().isValid()) {
            return NONE;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(current, carrier, Map::put);
        return new WriterTraceContext(carrier.get(TRACEPARENT), carrier.get(TRACESTATE));
    }

    /**
     * The writer's span as the parent of a message's producer span, or empty when there was none;
     * a stored value that is not valid W3C trace context (hand-edited) is ignored rather than
     * failing the send. The Kafka connector starts the producer span under the current context of
     * the message's {@link TracingMetadata}.
     */
    Optional<TracingMetadata> asParent() {
        if (traceParent == null) {
            return Optional.empty();
        }
        Map<String, String> carrier = new HashMap<>(2);
        carrier.put(TRACEPARENT, traceParent);
        if (traceState != null) {
            carrier.put(TRACESTATE, traceState);
        }
        Context restored = W3C.extract(Context.root(), carrier, FROM_MAP);
        return Span.fromContext(restored).getSpanContext().isValid()
                ? Optional.of(TracingMetadata.withCurrent(restored))
                : Optional.empty();
    }

    /** The values for the two columns, in {@link Outbox#INSERT}'s order. */
    List<Object> columns() {
        return Arrays.asList(traceParent, traceState);
    }
}
