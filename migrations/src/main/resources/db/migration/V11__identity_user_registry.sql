-- Command-side lookups hold the rules that span aggregates. They live in their own schema, next to
-- the event store, and change in the same transaction that appends the events they follow.
CREATE SCHEMA IF NOT EXISTS command_side;

-- Emails and usernames are unique among users in any letter case.
CREATE TABLE command_side.user_registry (
    user_id        INTEGER NOT NULL,
    email_lower    TEXT    NOT NULL,
    username_lower TEXT,
    CONSTRAINT user_registry_pkey PRIMARY KEY (user_id),
    CONSTRAINT user_registry_email_key UNIQUE (email_lower),
    CONSTRAINT user_registry_username_key UNIQUE (username_lower)
);
