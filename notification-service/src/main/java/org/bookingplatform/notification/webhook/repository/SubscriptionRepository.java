package org.bookingplatform.notification.webhook.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.webhook.Subscription;
import org.bookingplatform.platform.paging.PageRequest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.bookingplatform.notification.webhook.repository.Rows.SUBSCRIPTION_COLUMNS;

/**
 * Webhook subscriptions. Every partner-facing query is scoped by the partner, so another
 * partner's subscription is simply not found.
 */
@ApplicationScoped
public class SubscriptionRepository {

    private final Pool pool;

    public SubscriptionRepository(Pool pool) {
        this.pool = pool;
    }

    /** Inserts the subscription unless its partner already has {@code limit} of them; false then. */
    public Uni<Boolean> insertWithin(Subscription s, int limit) {
        // The partner's advisory lock serialises its concurrent creations: two cannot both pass the count.
        return pool.withTransaction(tx -> tx.preparedQuery("select pg_advisory_xact_lock(hashtextextended($1, 0))")
                        .execute(Tuple.of(s.partnerId().toString()))
                        .chain(() -> tx.preparedQuery("""
                                        insert into webhook_subscription (%s)
                                        select $1, $2, $3, $4, $5, null, null, 'ACTIVE', null, now()
                                        where (select count(*) from webhook_subscription where partner_id = $2) < $6"""
                                        .formatted(SUBSCRIPTION_COLUMNS))
                                .execute(Tuple.from(List.of(s.id(), s.partnerId(), s.url(), s.eventTypes().toArray(String[]::new),
                                        s.secret(), limit)))))
                .map(rows -> rows.rowCount() == 1);
    }

    public Uni<Optional<Subscription>> find(UUID id, UUID partnerId) {
        return pool.preparedQuery("select " + SUBSCRIPTION_COLUMNS + " from webhook_subscription where id = $1 and partner_id = $2")
                .execute(Tuple.of(id, partnerId))
                .map(SubscriptionRepository::first);
    }

    public Uni<List<Subscription>> list(UUID partnerId, PageRequest page) {
        return pool.preparedQuery("select " + SUBSCRIPTION_COLUMNS
                        + " from webhook_subscription where partner_id = $1 order by created_at, id limit $2 offset $3")
                .execute(Tuple.of(partnerId, page.size(), (long) page.page() * page.size()))
                .map(SubscriptionRepository::all);
    }

    /** Deletes the subscription and, by cascade, its deliveries. */
    public Uni<Boolean> delete(UUID id, UUID partnerId) {
        return pool.preparedQuery("delete from webhook_subscription where id = $1 and partner_id = $2")
                .execute(Tuple.of(id, partnerId))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Makes {@code newSecret} current; the current one keeps signing for {@code grace}. */
    public Uni<Optional<Subscription>> rotate(UUID id, UUID partnerId, String newSecret, Duration grace) {
        return pool.preparedQuery("""
                        update webhook_subscription
                        set previous_secret = secret, previous_secret_expires_at = now() + $4 * interval '1 millisecond', secret = $3
                        where id = $1 and partner_id = $2
                        returning""" + " " + SUBSCRIPTION_COLUMNS)
                .execute(Tuple.of(id, partnerId, newSecret, grace.toMillis()))
                .map(SubscriptionRepository::first);
    }

    /** A paused subscription is sent to again (its failure clock restarts); a disabled one stays disabled. */
    public Uni<Void> resumeIfPaused(UUID id) {
        return pool.preparedQuery("update webhook_subscription set status = 'ACTIVE', failing_since = null where id = $1 and status = 'PAUSED'")
                .execute(Tuple.of(id))
                .replaceWithVoid();
    }

    /** The subscriptions of the given ids, whoever owns them (for the dispatcher). */
    public Uni<List<Subscription>> byIds(Collection<UUID> ids) {
        return pool.preparedQuery("select " + SUBSCRIPTION_COLUMNS + " from webhook_subscription where id = any($1)")
                .execute(Tuple.of(ids.toArray(UUID[]::new)))
                .map(SubscriptionRepository::all);
    }

    private static Optional<Subscription> first(RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
        var it = rows.iterator();
        return it.hasNext() ? Optional.of(Rows.subscription(it.next())) : Optional.empty();
    }

    private static List<Subscription> all(RowSet<io.vertx.mutiny.sqlclient.Row> rows) {
        List<Subscription> result = new ArrayList<>();
        rows.forEach(row -> result.add(Rows.subscription(row)));
        return result;
    }
}
