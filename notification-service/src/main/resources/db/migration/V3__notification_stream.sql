-- Each user's notifications are numbered 1, 2, 3, ... in commit order: the number is the
-- Server-Sent Events id, and a client resuming with Last-Event-ID n is sent exactly those
-- numbered above n. A global sequence would not do: two transactions may take 10 and 11 and
-- commit 11 first, so a client that saw 11 would never be sent 10.
CREATE TABLE notification_sequence (
    user_id  uuid   PRIMARY KEY,
    last_seq bigint NOT NULL
);

ALTER TABLE notification ADD COLUMN seq bigint;
WITH numbered AS (
    SELECT id, row_number() OVER (PARTITION BY user_id ORDER BY created_at, id) AS seq FROM notification)
UPDATE notification SET seq = numbered.seq FROM numbered WHERE notification.id = numbered.id;
INSERT INTO notification_sequence (user_id, last_seq) SELECT user_id, max(seq) FROM notification GROUP BY user_id;
ALTER TABLE notification ALTER COLUMN seq SET NOT NULL;
ALTER TABLE notification ADD CONSTRAINT notification_user_seq_key UNIQUE (user_id, seq);
CREATE INDEX notification_unread_idx ON notification (user_id) WHERE read_at IS NULL;

-- Numbers a new notification and tells every replica's stream about it. The upsert locks the
-- user's counter row until the inserting transaction ends, so a second transaction for the same
-- user waits, takes the next number and commits after the first: numbers commit in order.
-- NOTIFY is delivered when the transaction commits, and not at all when it rolls back.
CREATE FUNCTION notification_numbered() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO notification_sequence AS s (user_id, last_seq) VALUES (NEW.user_id, 1)
    ON CONFLICT (user_id) DO UPDATE SET last_seq = s.last_seq + 1
    RETURNING last_seq INTO NEW.seq;
    PERFORM pg_notify('notification_created', NEW.user_id::text || ':' || NEW.seq);
    RETURN NEW;
END $$;

CREATE TRIGGER notification_numbered BEFORE INSERT ON notification
    FOR EACH ROW EXECUTE FUNCTION notification_numbered();
