package org.bookingplatform.platform.messaging.testapp;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bookingplatform.platform.messaging.Inbox;
import org.bookingplatform.platform.messaging.IncomingEvent;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The intended shape of every consumer: the inbox check and the effect in one transaction, so
 * that a failed effect also rolls back the inbox row and the redelivered event is applied then.
 */
@ApplicationScoped
public class TestInboxConsumer {

    public static final String CONSUMER = "platform-messaging-test";

    private final Inbox inbox;
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();

    TestInboxConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("test-inbox")
    @WithTransaction
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.once(CONSUMER, record, this::apply);
    }

    /** How many times the effect of the event was attempted (failed attempts included). */
    public int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }

    private Uni<Void> apply(IncomingEvent event) {
        Note note = event.dataAs(Note.class);
        int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        return new ReceivedEvent(event, note.text()).persist()
                // Written before failing, so that the test proves the rollback of both rows.
                .chain(Panache::flush)
                .invoke(() -> {
                    if (attempt <= note.failingAttempts()) {
                        throw new IllegalStateException("simulated failure of attempt " + attempt);
                    }
                });
    }
}
