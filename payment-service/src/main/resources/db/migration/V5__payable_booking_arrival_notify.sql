-- Ends the wait of a payment sent right after its hold (ReplicaArrival): the commit that inserts
-- a booking's replica row notifies every payment-service instance listening on the channel
-- payable_booking, with the booking id as the payload. NOTIFY is delivered on commit, never on
-- a rollback.
create function payable_booking_notify() returns trigger
    language plpgsql as $$
begin
    perform pg_notify('payable_booking', new.booking_id::text);
    return null;
end
$$;

create trigger payable_booking_notify
    after insert on payable_booking
    for each row execute function payable_booking_notify();
