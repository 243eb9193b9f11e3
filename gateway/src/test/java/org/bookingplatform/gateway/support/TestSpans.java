package org.bookingplatform.gateway.support;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The spans the gateway finishes, kept in memory (Quarkus exports to every SpanExporter bean).
 * Only {@link Traced} tests sample: elsewhere the ratio is 0 and nothing is kept.
 */
@ApplicationScoped
public class TestSpans {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
