-- Scheduling on the command side: the rules that span schedules, event types, out-of-office
-- entries and reservations, changed in the transaction that appends the events they follow.

-- Exclusion constraints need equality on integers inside a GiST index.
CREATE EXTENSION IF NOT EXISTS btree_gist SCHEMA command_side;

-- A user's schedules, and which one is their default (users.defaultScheduleId).
ALTER TABLE command_side.user_registry ADD COLUMN default_schedule_id INTEGER;

CREATE TABLE command_side.schedules (
    schedule_id INTEGER NOT NULL,
    user_id     INTEGER NOT NULL,
    CONSTRAINT schedules_pkey PRIMARY KEY (schedule_id)
);
CREATE INDEX schedules_user_idx ON command_side.schedules (user_id);

-- An event type's slug is unique per owning user and per team, and a user has at most one child
-- of a managed event type, as cal.com's unique indexes on "EventType" have it.
CREATE TABLE command_side.event_types (
    event_type_id INTEGER NOT NULL,
    user_id       INTEGER,
    team_id       INTEGER,
    parent_id     INTEGER,
    slug          TEXT    NOT NULL,
    length        INTEGER NOT NULL,
    CONSTRAINT event_types_pkey PRIMARY KEY (event_type_id)
);
CREATE UNIQUE INDEX event_types_user_slug_key ON command_side.event_types (user_id, slug) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX event_types_team_slug_key ON command_side.event_types (team_id, slug) WHERE team_id IS NOT NULL;
CREATE UNIQUE INDEX event_types_user_parent_key ON command_side.event_types (user_id, parent_id) WHERE parent_id IS NOT NULL;
CREATE INDEX event_types_parent_idx ON command_side.event_types (parent_id);

-- A user's out-of-office entries never overlap.
CREATE TABLE command_side.out_of_office (
    entry_id INTEGER   NOT NULL,
    user_id  INTEGER   NOT NULL,
    during   TSTZRANGE NOT NULL,
    CONSTRAINT out_of_office_pkey PRIMARY KEY (entry_id),
    CONSTRAINT out_of_office_no_overlap EXCLUDE USING gist (user_id WITH =, during WITH &&)
);

-- Out-of-office reasons have unique texts.
CREATE TABLE command_side.out_of_office_reasons (
    reason_id INTEGER NOT NULL,
    reason    TEXT    NOT NULL,
    CONSTRAINT out_of_office_reasons_pkey PRIMARY KEY (reason_id),
    CONSTRAINT out_of_office_reasons_reason_key UNIQUE (reason)
);

-- Reservations still running, for the job that lets them expire.
CREATE TABLE command_side.slot_reservations (
    uid        TEXT        NOT NULL,
    release_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT slot_reservations_pkey PRIMARY KEY (uid)
);
CREATE INDEX slot_reservations_release_idx ON command_side.slot_reservations (release_at);
