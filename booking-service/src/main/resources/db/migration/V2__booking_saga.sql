-- Slots of a listing lie on a grid measured from local midnight in the listing's time zone
-- (SlotGrid). A slot length that divides a day makes that grid the same on every day, so an
-- inventory opened from any day and a hold starting on any day name the same slots.
ALTER TABLE listing ADD CONSTRAINT listing_slot_divides_a_day CHECK (1440 % slot_minutes = 0);

-- Payment attempts the saga saw for a pending booking (the customer may retry a declined
-- payment until the hold expires), and who cancelled.
ALTER TABLE booking
    ADD COLUMN declined_payments    integer NOT NULL DEFAULT 0 CHECK (declined_payments >= 0),
    ADD COLUMN last_decline_reason  text,
    ADD COLUMN cancelled_by         text CHECK (cancelled_by IN ('CUSTOMER', 'OPERATOR'));

-- Operators list every booking by status, newest first.
CREATE INDEX booking_status_idx ON booking (status, created_at DESC);
