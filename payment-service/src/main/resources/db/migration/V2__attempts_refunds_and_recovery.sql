-- The last booking event applied to a replica row: an older event delivered late (after a
-- retry through the delay topic) must not undo a newer one.
ALTER TABLE payable_booking ADD COLUMN version integer NOT NULL DEFAULT 1;

-- What a retry needs to resend exactly the same charge (the provider replays a key only for an
-- identical body), and the client's Idempotency-Key, so that the answer stored for it can be
-- completed by whichever of the request or the recovery job learns the outcome.
ALTER TABLE payment
    ADD COLUMN payment_method  text        NOT NULL,
    ADD COLUMN idempotency_key text        NOT NULL,
    ADD COLUMN attempts        integer     NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz;
-- version counts the events published about the payment: 1 = authorized or declined, 2 = refunded.
ALTER TABLE payment ALTER COLUMN version SET DEFAULT 0;
CREATE UNIQUE INDEX payment_customer_key ON payment (customer_id, idempotency_key);
CREATE INDEX payment_pending_due_idx ON payment (next_attempt_at) WHERE status = 'PENDING';

-- At most one payment per booking that is, or may still become, a charge. A second payment
-- while one is pending could succeed too and charge the booking twice.
DROP INDEX payment_one_authorized_per_booking;
CREATE UNIQUE INDEX payment_one_live_per_booking ON payment (booking_id) WHERE status IN ('PENDING', 'AUTHORIZED', 'REFUNDED');

-- Every call to the provider about a payment (one guarded call: its fault-tolerance retries are not rows).
CREATE TABLE payment_attempt (
    id          uuid        PRIMARY KEY,
    payment_id  uuid        NOT NULL REFERENCES payment (id),
    operation   text        NOT NULL CHECK (operation IN ('CHARGE', 'LOOKUP')),
    outcome     text        NOT NULL CHECK (outcome IN ('AUTHORIZED', 'DECLINED', 'NOT_FOUND', 'FAILED')),
    detail      text,
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL
);
CREATE INDEX payment_attempt_payment_idx ON payment_attempt (payment_id, started_at);

-- A refund is an intent first (written with the event that asks for it), performed later by a
-- worker outside any transaction. One full refund per payment: a repeated request finds this row.
CREATE TABLE refund (
    id                 uuid        PRIMARY KEY,
    payment_id         uuid        NOT NULL UNIQUE REFERENCES payment (id),
    reason             text        NOT NULL CHECK (reason IN ('BOOKING_CANCELLED', 'BOOKING_PAYMENT_REJECTED', 'OPERATOR_REQUEST')),
    status             text        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    provider_reference text,
    failure            text,
    attempts           integer     NOT NULL DEFAULT 0,
    next_attempt_at    timestamptz NOT NULL,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refund_pending_due_idx ON refund (next_attempt_at) WHERE status = 'PENDING';
