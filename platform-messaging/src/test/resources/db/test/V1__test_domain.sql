-- A tiny domain for exercising the library: orders that announce their changes, and the
-- effects a consumer applies.
create table test_order (
    id      uuid primary key,
    version int  not null
);

create table test_received_event (
    id       uuid primary key,
    event_id uuid not null,             -- deliberately not unique: a double effect must be visible
    type     text not null,
    subject  text not null,
    text     text not null
);

-- Application order of the effects, for the tests of per-key order.
alter table test_received_event add column seq bigserial not null;

-- A row the test locks to make the consumer meet a real lock conflict.
create table test_lock (id int primary key);
insert into test_lock values (1);
