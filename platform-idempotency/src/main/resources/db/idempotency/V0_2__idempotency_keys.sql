-- Idempotency-Key records. The primary key makes a second request with the same key wait for
-- the first one's transaction and then see its stored answer: concurrent retries run once.
CREATE TABLE idempotency_key (
    scope            text        NOT NULL,
    key              text        NOT NULL,
    fingerprint      text        NOT NULL,
    response_status  integer,
    response_body    text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (scope, key)
);
CREATE INDEX idempotency_key_expiry_idx ON idempotency_key (expires_at);
