package org.bookingplatform.platform.messaging;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes events to the transactional outbox, in the caller's transaction: the event is stored
 * exactly when the state change it announces commits, and {@link OutboxRelay} publishes it
 * afterwards, even if Kafka was down at the time.
 * <p>
 * Events of one aggregate are published in the order they are appended, provided the use cases
 * that append them are serialized by the aggregate's own lock (a version column or
 * {@code SELECT ... FOR UPDATE}), as every use case changing an aggregate already must be.
 */
@ApplicationScoped
public class Outbox {

    /**
     * The insert of one event, with {@code ?N} parameters ({@link #insertParameters}), for use
     * cases on the Vert.x SQL client: they run it in their own transaction, alone or as a part of
     * one statement (platform-support's {@code OrdinalSql}).
     */
    public static final String INSERT = """
            INSERT INTO outbox_event (id, topic, type, source, subject, data_schema, occurred_at, data, trace_parent, trace_state)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8::text::jsonb, ?9, ?10)""";

    /**
     * Stores the event in the current Hibernate Reactive transaction (the use case's
     * {@code @WithTransaction}), with the trace context of the caller's span. Fails when there is
     * no transaction, or when the data does not serialize to a JSON object.
     */
    public Uni<Void> append(OutgoingEvent event) {
        return Uni.createFrom().item(() -> new OutboxEventEntity(event, EventJson.write(event.data()), WriterTraceContext.current()))
                .chain(row -> CallerTransaction.session("Outbox.append").chain(session -> session.persist(row)));
    }

    /**
     * The parameters of {@link #INSERT} for {@code event}, with the trace context of the span
     * current in the caller (call it on the use case's Vert.x context); fails when the data does
     * not serialize to a JSON object.
     */
    public static List<Object> insertParameters(OutgoingEvent event) {
        List<Object> parameters = new ArrayList<>(10);
        parameters.addAll(List.of(event.id(), event.topic(), event.type(), event.source(), event.subject(),
                event.dataSchema(), event.time().atOffset(ZoneOffset.UTC), EventJson.write(event.data())));
        parameters.addAll(WriterTraceContext.current().columns());
        return parameters;
    }
}
