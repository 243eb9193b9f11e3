package org.bookingplatform.platform.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A row of {@code outbox_event}: an event committed but not yet acknowledged by Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEventEntity {

    @Id
    private UUID id;

    /** Assigned by the database sequence on insert; the relay publishes in this order. */
    @Column(insertable = false, updatable = false)
    private long position;

    /** Refused sends so far; written by the relay's own update, never by this entity. */
    @Column(insertable = false, updatable = false)
    private int attempts;

    /** Why the latest send failed; written by the relay's own update. */
    @Column(name = "last_error", insertable = false, updatable = false)
    private String lastError;

    /** When the relay parked the event after its last allowed refusal; null while it flows. */
    @Column(name = "parked_at", insertable = false, updatable = false)
    private Instant parkedAt;

    private String topic;
    private String type;
    private String source;
    private String subject;

    @Column(name = "data_schema")
    private String dataSchema;

    @Column(name = "occurred_at")
    private Instant occurredAt;

    /**
     * The JSON text of the data, stored as jsonb. Kept a String, already serialized by
     * {@link EventJson}: Hibernate passes JSON strings through unchanged, so the service's
     * JSON format mapper never sees event data.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    private String data;

    /** The W3C trace context of the writing use case ({@link WriterTraceContext}); null outside a trace. */
    @Column(name = "trace_parent")
    private String traceParent;

    @Column(name = "trace_state")
    private String traceState;

    protected OutboxEventEntity() {
    }

    OutboxEventEntity(OutgoingEvent event, String data, WriterTraceContext trace) {
        this.id = event.id();
        this.topic = event.topic();
        this.type = event.type();
        this.source = event.source();
        this.subject = event.subject();
        this.dataSchema = event.dataSchema();
        this.occurredAt = event.time();
        this.data = data;
        this.traceParent = trace.traceParent();
        this.traceState = trace.traceState();
    }

    UUID id() {
        return id;
    }

    int attempts() {
        return attempts;
    }

    String topic() {
        return topic;
    }

    String type() {
        return type;
    }

    String source() {
        return source;
    }

    String subject() {
        return subject;
    }

    String dataSchema() {
        return dataSchema;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    String data() {
        return data;
    }

    WriterTraceContext writerTrace() {
        return new WriterTraceContext(traceParent, traceState);
    }
}
