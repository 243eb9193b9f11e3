-- The W3C trace context (traceparent, tracestate) of the transaction that wrote the event: the
-- relay publishes later, on another thread, and sends the event as a child of that context, so the
-- request that caused an event and the consumers that apply it are one trace (decision 0030).
-- Null for a row written outside any trace (and for rows written before this migration).
alter table outbox_event
    add column trace_parent text,
    add column trace_state  text;
