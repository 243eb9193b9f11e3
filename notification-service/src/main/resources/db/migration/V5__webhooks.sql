-- Partner webhooks: subscriptions and the persisted delivery queue.
CREATE TABLE webhook_subscription (
    id                         uuid        PRIMARY KEY,
    partner_id                 uuid        NOT NULL,
    url                        text        NOT NULL CHECK (length(url) <= 2048),
    event_types                text[]      NOT NULL CHECK (cardinality(event_types) > 0),
    -- The signing key must be readable to sign with it (HMAC): it is stored as given to the partner.
    secret                     text        NOT NULL,
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    status                     text        NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'DISABLED')),
    -- Since when deliveries have failed without a success in between (null while healthy).
    failing_since              timestamptz,
    created_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_subscription_partner_idx ON webhook_subscription (partner_id, created_at);

CREATE TABLE webhook_delivery (
    id               uuid        PRIMARY KEY,
    -- Queue order: a subscription's deliveries of one booking go out in this order.
    seq              bigint      GENERATED ALWAYS AS IDENTITY,
    subscription_id  uuid        NOT NULL REFERENCES webhook_subscription (id) ON DELETE CASCADE,
    event_id         uuid        NOT NULL,
    event_type       text        NOT NULL,
    booking_id       text        NOT NULL,
    payload          text        NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    last_attempt_at  timestamptz,
    last_status_code integer,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_order_idx ON webhook_delivery (subscription_id, booking_id, seq) WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_list_idx ON webhook_delivery (subscription_id, seq DESC);
