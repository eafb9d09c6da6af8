-- The calendar writer's record of each booking's event in its destination calendar. Not a cal.com
-- table, and no projection replay touches it: writing to a calendar is a side effect that must
-- happen once, not be rebuilt.
CREATE SCHEMA IF NOT EXISTS calendar;

CREATE TABLE calendar.booking_events (
    booking_uid          TEXT PRIMARY KEY,
    -- Where the event was (or is to be) written; kept once written, so a move or a delete goes to
    -- the same calendar even when the destination changed since.
    credential_id        INTEGER,
    external_calendar_id TEXT,
    event_uid            TEXT,
    href                 TEXT,
    etag                 TEXT,
    booking_reference_id INTEGER,
    status               TEXT        NOT NULL
        CHECK (status IN ('PENDING', 'RETRYING', 'WRITTEN', 'DELETED', 'FAILED', 'NONE')),
    attempts             INTEGER     NOT NULL DEFAULT 0,
    last_error           TEXT,
    -- Bumped by each booking event; a task that started before the bump runs once more.
    requested            BIGINT      NOT NULL DEFAULT 0,
    updated_at           TIMESTAMPTZ NOT NULL
);
