-- The per-kind e-mail switches of user.events' emailPreferences ({"holdCreated": true, ...}),
-- kept as the event carried them. NULL when the events kept so far had none (the first release
-- of user.updated): then email_notifications alone decides.
ALTER TABLE contact ADD COLUMN email_preferences jsonb;
