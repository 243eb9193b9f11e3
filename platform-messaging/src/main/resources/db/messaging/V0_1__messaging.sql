-- Transactional outbox and idempotent-consumer inbox, shared by every service (platform-messaging).
-- Versioned 0.1 so that it sorts before a service's own V1__... migrations.

-- Events written in the same transaction as the state change they announce; the relay
-- publishes them in position order and deletes them once the broker has acknowledged them.
create table outbox_event (
    id          uuid        primary key,           -- the CloudEvents id
    position    bigserial   not null unique,       -- publication order (insert order)
    topic       text        not null,
    type        text        not null,
    source      text        not null,
    subject     text        not null,              -- the aggregate id, also the Kafka key
    data_schema text        not null,
    occurred_at timestamptz not null,
    data        jsonb       not null
);

-- One row per event a consumer has applied, written in the same transaction as the effect:
-- a redelivered event finds its row and is skipped.
create table processed_event (
    consumer     text        not null,
    event_id     uuid        not null,
    processed_at timestamptz not null default now(),
    primary key (consumer, event_id)
);

create index processed_event_processed_at on processed_event (processed_at);
