package org.bookingplatform.platform.messaging.testapp;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.platform.messaging.Outbox;
import org.bookingplatform.platform.messaging.OutgoingEvent;
import org.bookingplatform.platform.sql.OrdinalSql;

import java.util.UUID;

/** A use case on the Vert.x SQL client, as a service's hot path writes: its own statements, its own transaction. */
@ApplicationScoped
public class TestSqlOrders {

    private static final String INSERT_OUTBOX = OrdinalSql.forSqlClient(Outbox.INSERT);

    private final Pool pool;

    TestSqlOrders(Pool pool) {
        this.pool = pool;
    }

    public Uni<OutgoingEvent> place(String topic, UUID orderId) {
        OutgoingEvent placed = OutgoingEvent.of(topic, TestOrders.PLACED, TestOrders.SOURCE, orderId.toString(),
                new OrderChanged(orderId, 1));
        return pool.withTransaction(connection -> connection
                        .preparedQuery("insert into test_order (id, version) values ($1, 1)").execute(Tuple.of(orderId))
                        .chain(() -> connection.preparedQuery(INSERT_OUTBOX).execute(Tuple.from(Outbox.insertParameters(placed)))))
                .replaceWith(placed);
    }
}
