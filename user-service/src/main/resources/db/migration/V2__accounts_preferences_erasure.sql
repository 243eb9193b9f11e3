-- user-service owns the account now: sign-up stores the phone and locale, preferences are per
-- kind of notification, and an erased account keeps only its id (the pseudonym other services
-- still hold) and when it was erased.
ALTER TABLE user_profile
    ALTER COLUMN email DROP NOT NULL,
    ALTER COLUMN display_name DROP NOT NULL,
    ADD COLUMN phone                     text,
    ADD COLUMN email_hold_created        boolean NOT NULL DEFAULT true,
    ADD COLUMN email_payment_declined    boolean NOT NULL DEFAULT true,
    ADD COLUMN email_confirmed           boolean NOT NULL DEFAULT true,
    ADD COLUMN email_expired             boolean NOT NULL DEFAULT true,
    ADD COLUMN email_cancelled           boolean NOT NULL DEFAULT true,
    ADD COLUMN email_refunded            boolean NOT NULL DEFAULT true,
    ADD COLUMN erased_at                 timestamptz;

UPDATE user_profile SET email_hold_created = email_notifications, email_payment_declined = email_notifications,
    email_confirmed = email_notifications, email_expired = email_notifications,
    email_cancelled = email_notifications, email_refunded = email_notifications;
ALTER TABLE user_profile DROP COLUMN email_notifications;

-- The database, not only the code, guarantees that an erased profile holds no personal data and
-- that a live one can be written to.
ALTER TABLE user_profile
    ADD CONSTRAINT user_profile_erased_holds_no_personal_data
        CHECK (erased_at IS NULL OR (email IS NULL AND display_name IS NULL AND phone IS NULL AND locale IS NULL)),
    ADD CONSTRAINT user_profile_live_has_contact
        CHECK (erased_at IS NOT NULL OR (email IS NOT NULL AND display_name IS NOT NULL));
