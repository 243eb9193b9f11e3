package org.bookingplatform.notification.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.bookingplatform.notification.config.NotificationConfig;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A user's notifications as a never-ending sequence: those numbered after {@code after}, then each
 * new one as it commits. Numbers commit in order per user (migration V3), so "everything above the
 * last number sent" loses nothing and repeats nothing, across wake-ups and across reconnects.
 */
@ApplicationScoped
public class NotificationStreams {

    private final Pool pool;
    private final NotificationFeed feed;
    private final int batchSize;

    public NotificationStreams(Pool pool, NotificationFeed feed, NotificationConfig config) {
        this.pool = pool;
        this.feed = feed;
        this.batchSize = config.stream().batchSize();
    }

    public Multi<StreamedNotification> follow(UUID userId, long after) {
        AtomicLong last = new AtomicLong(after);
        // Concatenated: one read at a time, so that each starts from what the previous one sent.
        return feed.wakeUps(userId).onItem().transformToMultiAndConcatenate(wakeUp -> readNew(userId, last));
    }

    private Multi<StreamedNotification> readNew(UUID userId, AtomicLong last) {
        return Multi.createBy().repeating()
                .uni(() -> page(userId, last.get()).invoke(page -> {
                    if (!page.isEmpty()) {
                        last.set(page.get(page.size() - 1).seq());
                    }
                }))
                .whilst(page -> page.size() == batchSize)
                .onItem().transformToIterable(page -> page);
    }

    private Uni<List<StreamedNotification>> page(UUID userId, long after) {
        return pool.preparedQuery("""
                        select seq, id, booking_id, kind, title, body, created_at, read_at from notification
                         where user_id = $1 and seq > $2 order by seq limit $3""")
                .execute(Tuple.of(userId, after, batchSize))
                .map(rows -> {
                    List<StreamedNotification> page = new ArrayList<>();
                    for (Row row : rows) {
                        page.add(new StreamedNotification(row.getLong("seq"), row.getUUID("id"), row.getUUID("booking_id"),
                                row.getString("kind"), row.getString("title"), row.getString("body"),
                                instant(row.getOffsetDateTime("created_at")), instant(row.getOffsetDateTime("read_at"))));
                    }
                    return page;
                });
    }

    private static java.time.Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
