package org.bookingplatform.platform.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;

/**
 * The aggregates a consumer has stopped applying because one of their events was dead-lettered.
 * A key with a parked event keeps its order by parking every later event of it too, until a
 * replay brings them back oldest first (see {@code docs/decisions}); other keys flow on.
 * Each parked event is known by its {@link #refOf ref}.
 */
@ApplicationScoped
class ParkedEvents {

    /** Set by {@link DeadLetterReplay} on a republished record: where it was first consumed. */
    static final String REPLAY_OF_HEADER = "platform-replay-of";

    /**
     * How a parked event is recognised when it comes back: its CloudEvent id, or, for a record
     * that has none, the position where it was first consumed.
     */
    static String refOf(ConsumerRecord<String, String> record) {
        String id = header(record, "ce_id");
        if (id != null && !id.isBlank()) {
            return id;
        }
        String replayOf = header(record, REPLAY_OF_HEADER);
        return replayOf != null ? replayOf : position(record);
    }

    static String position(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** Parks the record's event; parking it again (a replay that failed again) keeps its place in line. */
    Uni<Void> park(String consumer, ConsumerRecord<String, String> record, String reason) {
        if (record.key() == null) {
            return Uni.createFrom().voidItem();
        }
        return CallerTransaction.session("ParkedEvents.park")
                .chain(session -> session.createNativeQuery("""
                                insert into parked_event (consumer, ref, record_key, record_topic, record_partition, record_offset, reason)
                                values (:consumer, :ref, :key, :topic, :partition, :offset, :reason)
                                on conflict (consumer, ref) do nothing""")
                        .setParameter("consumer", consumer)
                        .setParameter("ref", refOf(record))
                        .setParameter("key", record.key())
                        .setParameter("topic", record.topic())
                        .setParameter("partition", record.partition())
                        .setParameter("offset", record.offset())
                        .setParameter("reason", reason)
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** The parked event was applied (or found already applied): its key flows again once none is left. */
    Uni<Void> release(String consumer, String ref) {
        return CallerTransaction.session("ParkedEvents.release")
                .chain(session -> session.createNativeQuery("delete from parked_event where consumer = :consumer and ref = :ref")
                        .setParameter("consumer", consumer)
                        .setParameter("ref", ref)
                        .executeUpdate())
                .replaceWithVoid();
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
