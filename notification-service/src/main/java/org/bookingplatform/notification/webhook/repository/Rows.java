package org.bookingplatform.notification.webhook.repository;

import io.vertx.mutiny.sqlclient.Row;
import org.bookingplatform.notification.webhook.Delivery;
import org.bookingplatform.notification.webhook.Subscription;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Row to record mapping of the webhook tables, in one place for both repositories. */
final class Rows {

    static final String SUBSCRIPTION_COLUMNS = "id, partner_id, url, event_types, secret, previous_secret, "
            + "previous_secret_expires_at, status, failing_since, created_at";
    static final String DELIVERY_COLUMNS = "id, subscription_id, event_id, event_type, booking_id, payload, status, "
            + "attempts, next_attempt_at, last_attempt_at, last_status_code, last_error, created_at";

    private Rows() {
    }

    static Subscription subscription(Row row) {
        return new Subscription(row.getUUID("id"), row.getUUID("partner_id"), row.getString("url"),
                List.of(row.getArrayOfStrings("event_types")), row.getString("secret"), row.getString("previous_secret"),
                instant(row, "previous_secret_expires_at"), Subscription.Status.valueOf(row.getString("status")),
                instant(row, "failing_since"), instant(row, "created_at"));
    }

    static Delivery delivery(Row row) {
        return new Delivery(row.getUUID("id"), row.getUUID("subscription_id"), row.getUUID("event_id"),
                row.getString("event_type"), row.getString("booking_id"), row.getString("payload"),
                Delivery.Status.valueOf(row.getString("status")), row.getInteger("attempts"),
                instant(row, "next_attempt_at"), instant(row, "last_attempt_at"), row.getInteger("last_status_code"),
                row.getString("last_error"), instant(row, "created_at"));
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
