-- booking.confirmed is kept in the replica: an AUTHORIZED payment whose booking has neither
-- confirmed nor rejected it in time is reported for an operator (UnconfirmedPayments).
ALTER TABLE payable_booking DROP CONSTRAINT payable_booking_status_check;
ALTER TABLE payable_booking ADD CONSTRAINT payable_booking_status_check
    CHECK (status IN ('PAYABLE', 'PAID', 'CONFIRMED', 'EXPIRED', 'CANCELLED', 'REJECTED'));

-- Reported once, by one replica: the row is marked in the transaction that reports it.
ALTER TABLE payment ADD COLUMN unconfirmed_reported_at timestamptz;
CREATE INDEX payment_authorized_idx ON payment (updated_at) WHERE status = 'AUTHORIZED';

-- Card testing: declined payments of a customer (and of each of their bookings) within the last hour.
CREATE INDEX payment_declined_customer_idx ON payment (customer_id, created_at) WHERE status = 'DECLINED';

-- A refund is never given up: one the provider refused is retried with backoff and reported for an
-- operator after a number of attempts, but stays PENDING until it succeeds. Refunds marked FAILED by
-- earlier versions are taken up again.
UPDATE refund SET status = 'PENDING', next_attempt_at = now() WHERE status = 'FAILED';
ALTER TABLE refund DROP CONSTRAINT refund_status_check;
ALTER TABLE refund ADD CONSTRAINT refund_status_check CHECK (status IN ('PENDING', 'SUCCEEDED'));
