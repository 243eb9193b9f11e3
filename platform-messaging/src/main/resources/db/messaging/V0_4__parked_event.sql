-- Consumer side of platform-messaging: events a consumer dead-lettered, and the later events of
-- the same key (aggregate) parked behind them so that the key's order holds until a replay.
create table parked_event (
    consumer         text        not null,
    ref              text        not null,              -- the CloudEvent id, or the first position of a record without one
    record_key       text        not null,              -- the aggregate id (Kafka key)
    position         bigserial   not null unique,       -- parking order: a replay applies the oldest first
    record_topic     text        not null,
    record_partition int         not null,
    record_offset    bigint      not null,
    reason           text        not null,
    parked_at        timestamptz not null default now(),
    primary key (consumer, ref)
);

create index parked_event_key on parked_event (consumer, record_key, position);
