package org.bookingplatform.platform.messaging.testapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.bookingplatform.platform.messaging.IncomingEvent;

import java.util.UUID;

/** The effect of the test consumer: one row per application of an event. */
@Entity
@Table(name = "test_received_event")
public class ReceivedEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "event_id")
    public UUID eventId;
    public String type;
    public String subject;
    public String text;

    protected ReceivedEvent() {
    }

    ReceivedEvent(IncomingEvent event, String text) {
        this.id = UUID.randomUUID();
        this.eventId = event.id();
        this.type = event.type();
        this.subject = event.subject();
        this.text = text;
    }
}
