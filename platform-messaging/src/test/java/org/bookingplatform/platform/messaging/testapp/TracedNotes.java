package org.bookingplatform.platform.messaging.testapp;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.bookingplatform.platform.messaging.Outbox;
import org.bookingplatform.platform.messaging.OutgoingEvent;
import org.bookingplatform.platform.sql.OrdinalSql;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.UUID;

/**
 * A request that writes a note event to the outbox, as a service's HTTP use case does, through
 * either write path ({@code orm}: Hibernate Reactive, {@code sql}: the Vert.x SQL client). The
 * note goes to the topic {@link TestInboxConsumer} consumes; the answer is the event id.
 */
@Path("/test/traced-notes")
@ApplicationScoped
public class TracedNotes {

    private static final String INSERT_OUTBOX = OrdinalSql.forSqlClient(Outbox.INSERT);

    private final Outbox outbox;
    private final Pool pool;
    private final String topic;

    TracedNotes(Outbox outbox, Pool pool, @ConfigProperty(name = "mp.messaging.incoming.test-inbox.topic") String topic) {
        this.outbox = outbox;
        this.pool = pool;
        this.topic = topic;
    }

    @POST
    @Path("orm/{text}")
    @WithTransaction
    public Uni<String> throughHibernate(@PathParam("text") String text) {
        OutgoingEvent event = note(text);
        return outbox.append(event).replaceWith(event.id().toString());
    }

    @POST
    @Path("sql/{text}")
    public Uni<String> throughSqlClient(@PathParam("text") String text) {
        OutgoingEvent event = note(text);
        return pool.withTransaction(connection -> connection.preparedQuery(INSERT_OUTBOX)
                        .execute(Tuple.from(Outbox.insertParameters(event))))
                .replaceWith(event.id().toString());
    }

    private OutgoingEvent note(String text) {
        return OutgoingEvent.of(topic, "org.bookingplatform.test.note-written", TestOrders.SOURCE,
                UUID.randomUUID().toString(), new Note(text, 0));
    }
}
