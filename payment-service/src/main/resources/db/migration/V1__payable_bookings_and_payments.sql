-- What is payable, replicated from booking.events: the amount is taken from here, never from the client.
CREATE TABLE payable_booking (
    booking_id       uuid        PRIMARY KEY,
    customer_id      uuid        NOT NULL,
    amount           bigint      NOT NULL CHECK (amount >= 0),
    currency         char(3)     NOT NULL,
    hold_expires_at  timestamptz NOT NULL,
    status           text        NOT NULL CHECK (status IN ('PAYABLE', 'PAID', 'EXPIRED', 'CANCELLED', 'REJECTED')),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE payment (
    id                 uuid        PRIMARY KEY,
    booking_id         uuid        NOT NULL REFERENCES payable_booking (booking_id),
    customer_id        uuid        NOT NULL,
    amount             bigint      NOT NULL CHECK (amount >= 0),
    currency           char(3)     NOT NULL,
    status             text        NOT NULL CHECK (status IN ('PENDING', 'AUTHORIZED', 'DECLINED', 'REFUNDED')),
    decline_reason     text,
    provider_reference text,
    version            integer     NOT NULL DEFAULT 1,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX payment_booking_idx ON payment (booking_id, created_at);
-- At most one successful payment per booking: a second authorization is refused by the database.
CREATE UNIQUE INDEX payment_one_authorized_per_booking ON payment (booking_id) WHERE status IN ('AUTHORIZED', 'REFUNDED');
