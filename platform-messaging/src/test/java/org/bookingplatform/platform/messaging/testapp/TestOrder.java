package org.bookingplatform.platform.messaging.testapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** An aggregate whose every change is announced through the outbox. */
@Entity
@Table(name = "test_order")
public class TestOrder extends PanacheEntityBase {

    @Id
    public UUID id;

    public int version;

    protected TestOrder() {
    }

    TestOrder(UUID id) {
        this.id = id;
        this.version = 1;
    }
}
