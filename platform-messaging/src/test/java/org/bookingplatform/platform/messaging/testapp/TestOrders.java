package org.bookingplatform.platform.messaging.testapp;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.bookingplatform.platform.messaging.Outbox;
import org.bookingplatform.platform.messaging.OutgoingEvent;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Use cases shaped like a service's: one transaction each, the event appended beside the change. */
@ApplicationScoped
public class TestOrders {

    public static final String SOURCE = "/platform-messaging-test";
    public static final String PLACED = "org.bookingplatform.test.order-placed";
    public static final String ADVANCED = "org.bookingplatform.test.order-advanced";

    private final Outbox outbox;
    private final String topic;

    TestOrders(Outbox outbox, @ConfigProperty(name = "test.orders-topic") String topic) {
        this.outbox = outbox;
        this.topic = topic;
    }

    @WithTransaction
    public Uni<OutgoingEvent> place(UUID orderId) {
        TestOrder order = new TestOrder(orderId);
        OutgoingEvent placed = changed(order, PLACED);
        return order.persist().chain(() -> outbox.append(placed)).replaceWith(placed);
    }

    /** The order is locked first, so that concurrent changes of it append their events in turn. */
    @WithTransaction
    public Uni<OutgoingEvent> advance(UUID orderId) {
        return TestOrder.<TestOrder>findById(orderId, LockModeType.PESSIMISTIC_WRITE)
                .chain(order -> {
                    order.version++;
                    OutgoingEvent advanced = changed(order, ADVANCED);
                    return outbox.append(advanced).replaceWith(advanced);
                });
    }

    /** Places an order whose event goes to {@code eventTopic} instead of the usual test topic. */
    @WithTransaction
    public Uni<OutgoingEvent> placeOn(String eventTopic, UUID orderId) {
        TestOrder order = new TestOrder(orderId);
        OutgoingEvent placed = OutgoingEvent.of(eventTopic, PLACED, SOURCE, orderId.toString(), new OrderChanged(orderId, 1));
        return order.persist().chain(() -> outbox.append(placed)).replaceWith(placed);
    }

    /** Advances an order and announces it on {@code eventTopic}. */
    @WithTransaction
    public Uni<OutgoingEvent> advanceOn(String eventTopic, UUID orderId) {
        return TestOrder.<TestOrder>findById(orderId, LockModeType.PESSIMISTIC_WRITE)
                .chain(order -> {
                    order.version++;
                    OutgoingEvent advanced = OutgoingEvent.of(eventTopic, ADVANCED, SOURCE, orderId.toString(),
                            new OrderChanged(orderId, order.version));
                    return outbox.append(advanced).replaceWith(advanced);
                });
    }

    /** Writes an order and its event, then breaks a rule: the transaction rolls back. */
    @WithTransaction
    public Uni<OutgoingEvent> placeThenFail(UUID orderId) {
        TestOrder order = new TestOrder(orderId);
        return order.persist()
                .chain(() -> outbox.append(changed(order, PLACED)))
                .chain(() -> Uni.createFrom().failure(new IllegalStateException("a rule broken after the writes")));
    }

    /** Places an order and advances it {@code changes - 1} times, all in one transaction. */
    @WithTransaction
    public Uni<List<OutgoingEvent>> placeWithHistory(UUID orderId, int changes) {
        TestOrder order = new TestOrder(orderId);
        List<OutgoingEvent> events = new ArrayList<>();
        Uni<Void> appended = order.persist().replaceWithVoid();
        for (int i = 0; i < changes; i++) {
            appended = appended.chain(() -> {
                if (!events.isEmpty()) {
                    order.version++;
                }
                OutgoingEvent event = changed(order, events.isEmpty() ? PLACED : ADVANCED);
                events.add(event);
                return outbox.append(event);
            });
        }
        return appended.replaceWith(events);
    }

    private OutgoingEvent changed(TestOrder order, String type) {
        return OutgoingEvent.of(topic, type, SOURCE, order.id.toString(), new OrderChanged(order.id, order.version));
    }
}
