-- One row per person known to the platform; the id is Keycloak's user id (the token subject).
CREATE TABLE user_profile (
    id                   uuid        PRIMARY KEY,
    email                text        NOT NULL,
    display_name         text        NOT NULL,
    locale               text,
    email_notifications  boolean     NOT NULL DEFAULT true,
    version              integer     NOT NULL DEFAULT 1,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX user_profile_email_idx ON user_profile (lower(email));
