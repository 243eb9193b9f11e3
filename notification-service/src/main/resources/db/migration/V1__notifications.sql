-- In-app notifications, one per event a person should hear about.
CREATE TABLE notification (
    id          uuid        PRIMARY KEY,
    user_id     uuid        NOT NULL,
    booking_id  uuid,
    kind        text        NOT NULL,
    title       text        NOT NULL,
    body        text        NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    read_at     timestamptz
);
CREATE INDEX notification_user_idx ON notification (user_id, created_at DESC);
CREATE INDEX notification_booking_idx ON notification (booking_id) WHERE booking_id IS NOT NULL;
