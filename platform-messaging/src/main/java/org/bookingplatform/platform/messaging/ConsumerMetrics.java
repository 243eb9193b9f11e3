package org.bookingplatform.platform.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The consumer side in figures, per consumer (a handful of names fixed in code, so the tag stays
 * low in cardinality): {@code platform.messaging.inbox.duplicates}, deliveries skipped because
 * their event was already applied, and {@code platform.messaging.dead.letters}, records sent to
 * the dead-letter topic. Both are registered with a consumer's first record, so that a quiet
 * consumer shows 0 instead of no series at all.
 */
@ApplicationScoped
class ConsumerMetrics {

    private final MeterRegistry registry;
    private final Map<String, Meters> byConsumer = new ConcurrentHashMap<>();

    ConsumerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    Meters of(String consumer) {
        return byConsumer.computeIfAbsent(consumer, name -> new Meters(
                Counter.builder("platform.messaging.inbox.duplicates")
                        .description("Deliveries skipped because the consumer had already applied their event")
                        .tag("consumer", name)
                        .register(registry),
                Counter.builder("platform.messaging.dead.letters")
                        .description("Records the consumer could not apply, sent to their dead-letter topic")
                        .tag("consumer", name)
                        .register(registry)));
    }

    record Meters(Counter duplicates, Counter deadLetters) {
    }
}
