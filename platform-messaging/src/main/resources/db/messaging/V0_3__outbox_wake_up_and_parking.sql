-- The relay is woken by the commit that writes an outbox row, and an event the broker keeps
-- refusing is parked instead of holding the whole outbox back (platform-messaging).

-- attempts:   sends the broker refused (failures while nothing at all was acknowledged, an
--             outage, do not count); reset by a republish.
-- last_error: why the latest send failed, for the operator.
-- retry_at:   after a refusal the row (and every later row of its aggregate) waits until then.
-- parked_at:  set after the last allowed refusal; the row and its aggregate's later rows stay
--             until an operator republishes it.
alter table outbox_event
    add column attempts   int         not null default 0,
    add column last_error text,
    add column retry_at   timestamptz,
    add column parked_at  timestamptz;

-- The rows that may hold their aggregate back; the relay looks for them per subject on every batch.
create index outbox_event_refused on outbox_event (subject, position) where attempts > 0;

-- NOTIFY is queued by the inserting transaction and delivered when it commits (never when it
-- rolls back), and identical notifications of one transaction are folded into one: a statement
-- trigger wakes the relays once per committing transaction, whichever client wrote the rows.
create function outbox_event_notify() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('outbox_event', '');
    return null;
end
$$;

create trigger outbox_event_notify
    after insert on outbox_event
    for each statement execute function outbox_event_notify();
