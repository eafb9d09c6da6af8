-- Calendar Integration on the command side: connected accounts, the calendars found in them, and
-- which count for conflicts or receive bookings. Written in the transaction that appends their
-- events; none of it is a cal.com table, and no projection replay touches it.

CREATE TABLE command_side.calendar_credentials (
    credential_id INTEGER PRIMARY KEY,
    user_id       INTEGER,
    team_id       INTEGER,
    type          TEXT    NOT NULL,
    -- sealed with the platform's SecretBox: the plaintext login is never stored
    sealed_key    TEXT    NOT NULL,
    invalid       BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX calendar_credentials_user_idx ON command_side.calendar_credentials (user_id);

CREATE TABLE command_side.credential_calendars (
    credential_id INTEGER NOT NULL REFERENCES command_side.calendar_credentials ON DELETE CASCADE,
    external_id   TEXT    NOT NULL,
    name          TEXT,
    read_only     BOOLEAN NOT NULL,
    primary_email TEXT,
    position      INTEGER NOT NULL,
    PRIMARY KEY (credential_id, external_id)
);

-- One selection of a calendar per user and event type, as cal.com's
-- "SelectedCalendar_userId_integration_externalId_eventTypeId_key" (with "all event types" as one value).
CREATE TABLE command_side.selected_calendars (
    id            TEXT    PRIMARY KEY,
    credential_id INTEGER NOT NULL REFERENCES command_side.calendar_credentials ON DELETE CASCADE,
    user_id       INTEGER NOT NULL,
    integration   TEXT    NOT NULL,
    external_id   TEXT    NOT NULL,
    event_type_id INTEGER
);
CREATE UNIQUE INDEX selected_calendars_user_calendar_key
    ON command_side.selected_calendars (user_id, integration, external_id, coalesce(event_type_id, 0));

CREATE TABLE command_side.destination_calendars (
    id            INTEGER PRIMARY KEY,
    user_id       INTEGER UNIQUE,
    event_type_id INTEGER UNIQUE,
    credential_id INTEGER NOT NULL REFERENCES command_side.calendar_credentials ON DELETE CASCADE,
    external_id   TEXT    NOT NULL
);

-- The query side's list of the calendars found in each account, for GET /v2/calendars; it goes with
-- its Credential row.
CREATE TABLE query_side.credential_calendars (
    "credentialId" INTEGER NOT NULL REFERENCES "Credential" (id) ON DELETE CASCADE,
    "externalId"   TEXT    NOT NULL,
    name           TEXT,
    "readOnly"     BOOLEAN NOT NULL,
    "primaryEmail" TEXT,
    position       INTEGER NOT NULL,
    CONSTRAINT credential_calendars_pkey PRIMARY KEY ("credentialId", "externalId")
);
