package org.bookingplatform.platform.messaging.testapp;

import io.quarkus.hibernate.reactive.panache.Panache;
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
 * The intended shape of every consumer: {@code Inbox.once} with the effect, and no transaction of
 * the consumer's own (the inbox opens one per attempt), so that a failed effect also rolls back
 * the inbox row and the next attempt applies the event then.
 *
 * <p>Notes steer the effect: {@code failingAttempts} makes the first attempts fail; the text
 * {@value #BUG} hits a bug (an IllegalArgumentException) until {@link #fixTheBug()}; the text
 * {@value #LOCKING} takes row 1 of {@code test_lock} without waiting, so a test holding that row
 * makes it fail with a real lock conflict.
 */
@ApplicationScoped
public class TestInboxConsumer {

    public static final String CONSUMER = "platform-messaging-test";
    public static final String BUG = "hits the bug";
    public static final String LOCKING = "takes the lock";

    private final Inbox inbox;
    private final Map<UUID, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private volatile boolean bugFixed;

    TestInboxConsumer(Inbox inbox) {
        this.inbox = inbox;
    }

    @Incoming("test-inbox")
    public Uni<Void> on(ConsumerRecord<String, String> record) {
        return inbox.once(CONSUMER, record, this::apply);
    }

    /** How many times the effect of the event was attempted (failed attempts included). */
    public int attempts(UUID eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }

    /** The new release: notes that hit the bug are applied from now on. */
    public void fixTheBug() {
        bugFixed = true;
    }

    private Uni<Void> apply(IncomingEvent event) {
        Note note = event.dataAs(Note.class);
        int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        if (BUG.equals(note.text()) && !bugFixed) {
            throw new IllegalArgumentException("simulated bug on " + event.id());
        }
        Uni<Void> lock = !LOCKING.equals(note.text()) ? Uni.createFrom().voidItem()
                : Panache.getSession().chain(session -> session
                        .createNativeQuery("select id from test_lock where id = 1 for update nowait", Integer.class)
                        .getSingleResult()).replaceWithVoid();
        return lock.chain(() -> new ReceivedEvent(event, note.text()).persist())
                // Written before failing, so that the test proves the rollback of both rows.
                .chain(Panache::flush)
                .invoke(() -> {
                    if (attempt <= note.failingAttempts()) {
                        throw new IllegalStateException("simulated failure of attempt " + attempt);
                    }
                });
    }
}
