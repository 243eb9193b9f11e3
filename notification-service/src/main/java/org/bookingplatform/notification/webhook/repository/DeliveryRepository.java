package org.bookingplatform.notification.webhook.repository;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.webhook.Delivery;
import org.bookingplatform.platform.paging.PageRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.bookingplatform.notification.webhook.repository.Rows.DELIVERY_COLUMNS;

/** The persisted delivery queue: what the consumer enqueues and the dispatcher claims and settles. */
@ApplicationScoped
public class DeliveryRepository {

    private final Pool pool;

    public DeliveryRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Queues the event for every live subscription to its type, in the consumer's Hibernate
     * transaction, so that the deliveries and the inbox record commit together. Paused
     * subscriptions get it too (it waits for them); disabled ones do not.
     */
    public Uni<Integer> enqueueInCallerTransaction(UUID eventId, String eventType, String bookingId, String payload) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into webhook_delivery (id, subscription_id, event_id, event_type, booking_id, payload, status,
                                                      attempts, next_attempt_at, created_at)
                        select gen_random_uuid(), s.id, :eventId, :eventType, :bookingId, :payload, 'PENDING', 0, now(), now()
                        from webhook_subscription s
                        where s.status <> 'DISABLED' and :eventType = any(s.event_types)""")
                .setParameter("eventId", eventId)
                .setParameter("eventType", eventType)
                .setParameter("bookingId", bookingId)
                .setParameter("payload", payload)
                .executeUpdate());
    }

    /**
     * Takes up to {@code limit} deliveries that are due, of active subscriptions, and that are the
     * oldest pending one of their (subscription, booking), so that a booking's events arrive in
     * order. Claiming moves {@code next_attempt_at} by {@code lease}: another replica skips them
     * meanwhile (SKIP LOCKED, then the moved time), and should this one die before settling them
     * they are due again once the lease ends; no transaction stays open during the HTTP calls.
     */
    public Uni<List<Delivery>> claimDue(int limit, Duration lease) {
        return pool.preparedQuery("""
                        update webhook_delivery d set next_attempt_at = now() + $2 * interval '1 millisecond'
                        from (select c.id from webhook_delivery c
                              join webhook_subscription s on s.id = c.subscription_id and s.status = 'ACTIVE'
                              where c.status = 'PENDING' and c.next_attempt_at <= now()
                                and not exists (select 1 from webhook_delivery e
                                                where e.subscription_id = c.subscription_id and e.booking_id = c.booking_id
                                                  and e.status = 'PENDING' and e.seq < c.seq)
                              order by c.next_attempt_at
                              limit $1
                              for update of c skip locked) due
                        where d.id = due.id
                        returning""" + " " + Arrays.stream(DELIVERY_COLUMNS.split(", ")).map(c -> "d." + c)
                        .reduce((a, b) -> a + ", " + b).orElseThrow())
                .execute(Tuple.of(limit, lease.toMillis()))
                .map(DeliveryRepository::all);
    }

    /** A 2xx: delivered; the subscription's failure clock stops. */
    public Uni<Void> succeeded(UUID id, UUID subscriptionId, int statusCode) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                update webhook_delivery set status = 'SUCCEEDED', attempts = attempts + 1, last_attempt_at = now(),
                                       last_status_code = $2, last_error = null where id = $1""")
                        .execute(Tuple.of(id, statusCode))
                        .chain(() -> tx.preparedQuery("update webhook_subscription set failing_since = null where id = $1")
                                .execute(Tuple.of(subscriptionId))))
                .replaceWithVoid();
    }

    /**
     * A failed attempt: retried after {@code retryIn}, or given up when that is empty. The
     * subscription's failure clock starts at its first failure since a success, and a subscription
     * failing for longer than {@code pauseAfter} is paused (SET reads the row's old values).
     */
    public Uni<Void> failed(UUID id, UUID subscriptionId, Integer statusCode, String error, Optional<Duration> retryIn,
                            Duration pauseAfter) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                update webhook_delivery set attempts = attempts + 1, last_attempt_at = now(),
                                       last_status_code = $2, last_error = $3,
                                       status = case when $4::bigint is null then 'FAILED' else 'PENDING' end,
                                       next_attempt_at = case when $4::bigint is null then next_attempt_at
                                                         else now() + $4::bigint * interval '1 millisecond' end
                                where id = $1""")
                        .execute(Tuple.of(id, statusCode, error, retryIn.map(Duration::toMillis).orElse(null)))
                        .chain(() -> tx.preparedQuery("""
                                        update webhook_subscription set failing_since = coalesce(failing_since, now()),
                                               status = case when status = 'ACTIVE' and failing_since <= now() - $2 * interval '1 millisecond'
                                                        then 'PAUSED' else status end
                                        where id = $1""")
                                .execute(Tuple.of(subscriptionId, pauseAfter.toMillis()))))
                .replaceWithVoid();
    }

    /** 410 Gone: the receiver asked for no more deliveries; the subscription is disabled. */
    public Uni<Void> gone(UUID id, UUID subscriptionId) {
        return pool.withTransaction(tx -> tx.preparedQuery("""
                                update webhook_delivery set status = 'FAILED', attempts = attempts + 1, last_attempt_at = now(),
                                       last_status_code = 410, last_error = 'the receiver answered 410 Gone' where id = $1""")
                        .execute(Tuple.of(id))
                        .chain(() -> tx.preparedQuery("update webhook_subscription set status = 'DISABLED' where id = $1")
                                .execute(Tuple.of(subscriptionId))))
                .replaceWithVoid();
    }

    /** A subscription's deliveries, newest first. */
    public Uni<List<Delivery>> list(UUID subscriptionId, PageRequest page) {
        return pool.preparedQuery("select " + DELIVERY_COLUMNS
                        + " from webhook_delivery where subscription_id = $1 order by seq desc limit $2 offset $3")
                .execute(Tuple.of(subscriptionId, page.size(), (long) page.page() * page.size()))
                .map(DeliveryRepository::all);
    }

    /**
     * Queues the delivery's event again as a new delivery with a fresh attempt count (the
     * webhook-id stays the event id, so the receiver recognises a duplicate); empty when the
     * subscription has no such delivery.
     */
    public Uni<Optional<Delivery>> redeliver(UUID deliveryId, UUID subscriptionId) {
        return pool.preparedQuery("""
                        insert into webhook_delivery (id, subscription_id, event_id, event_type, booking_id, payload, status,
                                                      attempts, next_attempt_at, created_at)
                        select gen_random_uuid(), subscription_id, event_id, event_type, booking_id, payload, 'PENDING', 0, now(), now()
                        from webhook_delivery where id = $1 and subscription_id = $2
                        returning""" + " " + DELIVERY_COLUMNS)
                .execute(Tuple.of(deliveryId, subscriptionId))
                .map(rows -> {
                    List<Delivery> all = all(rows);
                    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
                });
    }

    private static List<Delivery> all(RowSet<Row> rows) {
        List<Delivery> result = new ArrayList<>();
        rows.forEach(row -> result.add(Rows.delivery(row)));
        return result;
    }
}
