-- The contact replica: what user.events say about each user, enough to address an e-mail to
-- them in their language. A row changes only for an event of a higher version, so a
-- redelivered or late user.updated never overwrites a newer one.
CREATE TABLE contact (
    user_id             uuid        PRIMARY KEY,
    email               text        NOT NULL,
    display_name        text,
    locale              text,
    email_notifications boolean     NOT NULL DEFAULT true,
    version             bigint      NOT NULL,
    updated_at          timestamptz NOT NULL
);

-- Users who asked for their personal data to be erased. Their contact row is deleted; the id
-- stays here (it names nobody on its own) so that a replayed user.registered cannot bring the
-- row back and no later event notifies them.
CREATE TABLE erased_user (
    user_id    uuid        PRIMARY KEY,
    erased_at  timestamptz NOT NULL
);
