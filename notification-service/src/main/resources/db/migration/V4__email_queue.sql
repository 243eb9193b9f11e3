-- E-mails to send, written in the same transaction as the event that causes them and sent
-- by the dispatcher afterwards, so the Kafka consumer never waits for SMTP. At most one row per
-- event and recipient: a redelivered event cannot queue a second e-mail.
CREATE TABLE email_message (
    id               uuid        PRIMARY KEY,      -- also the e-mail's Message-ID
    event_id         uuid        NOT NULL,
    user_id          uuid        NOT NULL,
    kind             text        NOT NULL,
    facts            jsonb       NOT NULL,         -- what the template shows (amounts, times, reasons)
    status           text        NOT NULL DEFAULT 'PENDING'
                     CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'SKIPPED', 'FAILED')),
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    claimed_at       timestamptz,
    sent_at          timestamptz,
    last_error       text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    UNIQUE (event_id, user_id)
);
CREATE INDEX email_message_due_idx ON email_message (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX email_message_user_idx ON email_message (user_id);
