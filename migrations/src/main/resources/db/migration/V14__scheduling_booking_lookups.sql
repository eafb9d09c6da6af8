-- Bookings on the command side: what deciding a booking needs to know beyond the booking itself,
-- changed in the transaction that appends the events it follows. A booking is refused from these
-- tables alone, so a replay of the read side (which empties cal.com's tables for a while) never
-- lets a double booking through.

-- A booking names its host as cal.com does: their email, name and username; their time zone is
-- the fallback of a schedule without one.
ALTER TABLE command_side.user_registry
    ADD COLUMN email     TEXT,
    ADD COLUMN username  TEXT,
    ADD COLUMN name      TEXT,
    ADD COLUMN time_zone TEXT;

-- A host's hours, for refusing a start outside them.
ALTER TABLE command_side.schedules
    ADD COLUMN time_zone TEXT,
    ADD COLUMN weekly    JSONB NOT NULL DEFAULT '[]',
    ADD COLUMN overrides JSONB NOT NULL DEFAULT '[]';

-- What an event type allows (its whole settings) and who hosts it.
ALTER TABLE command_side.event_types
    ADD COLUMN scheduling_type TEXT,
    ADD COLUMN settings        JSONB,
    ADD COLUMN hosts           JSONB NOT NULL DEFAULT '[]';

-- A slot held by one booker is not bookable by another while the hold runs.
ALTER TABLE command_side.slot_reservations
    ADD COLUMN event_type_id INTEGER,
    ADD COLUMN user_id       INTEGER,
    ADD COLUMN slot_start    TIMESTAMPTZ,
    ADD COLUMN slot_end      TIMESTAMPTZ,
    ADD COLUMN is_seat       BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX slot_reservations_event_type_idx ON command_side.slot_reservations (event_type_id);

-- Every booking that may still take place, for round robin's fairness and for seats: a seated
-- event type has one booking per start, which later bookers join.
CREATE TABLE command_side.bookings (
    uid           TEXT        NOT NULL,
    booking_id    INTEGER     NOT NULL,
    event_type_id INTEGER,
    user_id       INTEGER,
    status        TEXT        NOT NULL,
    start_time    TIMESTAMPTZ NOT NULL,
    end_time      TIMESTAMPTZ NOT NULL,
    seated        BOOLEAN     NOT NULL,
    created_at    TIMESTAMPTZ NOT NULL,
    CONSTRAINT bookings_pkey PRIMARY KEY (uid)
);
CREATE UNIQUE INDEX bookings_seated_slot_key ON command_side.bookings (event_type_id, start_time)
    WHERE seated AND status IN ('accepted', 'pending');
CREATE INDEX bookings_event_type_user_idx ON command_side.bookings (event_type_id, user_id);

-- No double booking: a host's accepted and pending bookings, each widened by its event type's
-- buffers, never overlap.
CREATE TABLE command_side.booked_times (
    booking_uid TEXT      NOT NULL,
    user_id     INTEGER   NOT NULL,
    during      TSTZRANGE NOT NULL,
    CONSTRAINT booked_times_pkey PRIMARY KEY (booking_uid, user_id),
    CONSTRAINT booked_times_no_overlap EXCLUDE USING gist (user_id WITH =, during WITH &&)
);

-- A client's Idempotency-Key: the same key of the same caller gives the same booking, and a
-- different request under a used key is refused.
CREATE TABLE command_side.booking_requests (
    caller_user_id  INTEGER     NOT NULL,
    idempotency_key TEXT        NOT NULL,
    request_hash    TEXT        NOT NULL,
    booking_uid     TEXT        NOT NULL,
    seat_uid        TEXT,
    created_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT booking_requests_pkey PRIMARY KEY (caller_user_id, idempotency_key)
);
