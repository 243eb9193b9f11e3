-- Listings: anything bookable by slot (a room type by night, a tour, a table, an appointment type).
CREATE TABLE listing (
    id                 uuid        PRIMARY KEY,
    name               text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description        text        NOT NULL DEFAULT '',
    category           text        NOT NULL CHECK (category IN ('STAY', 'TOUR', 'TABLE', 'APPOINTMENT')),
    city               text        NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
    time_zone          text        NOT NULL,
    slot_minutes       integer     NOT NULL CHECK (slot_minutes BETWEEN 5 AND 10080),
    unit_price_amount  bigint      NOT NULL CHECK (unit_price_amount >= 0),
    currency           char(3)     NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status             text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'ARCHIVED')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX listing_search_idx ON listing (lower(city), category) WHERE status = 'ACTIVE';

-- Capacity per listing and slot. The CHECK constraint is the last line of defence against
-- overbooking: whatever the code does, PostgreSQL refuses a row with held + booked > capacity.
CREATE TABLE slot_inventory (
    listing_id  uuid        NOT NULL REFERENCES listing (id),
    slot_start  timestamptz NOT NULL,
    capacity    integer     NOT NULL CHECK (capacity >= 0),
    held        integer     NOT NULL DEFAULT 0 CHECK (held >= 0),
    booked      integer     NOT NULL DEFAULT 0 CHECK (booked >= 0),
    PRIMARY KEY (listing_id, slot_start),
    CONSTRAINT slot_never_overbooked CHECK (held + booked <= capacity)
);

CREATE TABLE booking (
    id                uuid        PRIMARY KEY,
    listing_id        uuid        NOT NULL REFERENCES listing (id),
    customer_id       uuid        NOT NULL,
    slot_start        timestamptz NOT NULL,
    slot_end          timestamptz NOT NULL CHECK (slot_end > slot_start),
    quantity          integer     NOT NULL CHECK (quantity >= 1),
    total_amount      bigint      NOT NULL CHECK (total_amount >= 0),
    currency          char(3)     NOT NULL,
    status            text        NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'CONFIRMED', 'EXPIRED', 'CANCELLED')),
    hold_expires_at   timestamptz NOT NULL,
    payment_id        uuid,
    version           integer     NOT NULL DEFAULT 1,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX booking_customer_idx ON booking (customer_id, created_at DESC);
-- The expiry sweep scans only what can expire.
CREATE INDEX booking_pending_expiry_idx ON booking (hold_expires_at) WHERE status = 'PENDING_PAYMENT';
