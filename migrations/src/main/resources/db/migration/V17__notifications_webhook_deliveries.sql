-- Webhooks on the command side and their deliveries. None of this is a cal.com table, and no
-- projection replay touches it: deliveries are side effects that must happen once, not be rebuilt.

-- A subscriber URL is unique per user, as cal.com's "Webhook_userId_subscriberUrl_key" demands;
-- claimed in the transaction that appends the webhook's event. Also tells a command whose webhook it is.
CREATE TABLE command_side.webhooks (
    webhook_id     TEXT PRIMARY KEY,
    user_id        INTEGER,
    team_id        INTEGER,
    event_type_id  INTEGER,
    subscriber_url TEXT NOT NULL
);
CREATE UNIQUE INDEX webhooks_user_subscriber_url_key ON command_side.webhooks (user_id, subscriber_url);

CREATE SCHEMA IF NOT EXISTS notifications;

-- The dispatcher's own view of the webhooks, fed by their events in its own processor, so a
-- booking event is matched against the webhooks as they were at that point of the stream.
CREATE TABLE notifications.webhook_subscriptions (
    webhook_id       TEXT PRIMARY KEY,
    user_id          INTEGER,
    team_id          INTEGER,
    event_type_id    INTEGER,
    subscriber_url   TEXT    NOT NULL,
    event_triggers   TEXT[]  NOT NULL,
    secret           TEXT,
    active           BOOLEAN NOT NULL,
    payload_template TEXT,
    time             INTEGER,
    time_unit        TEXT
);

-- What a later booking event needs to say about the booking: the payload made from its
-- BookingRequested, and who the webhooks are matched against.
CREATE TABLE notifications.webhook_bookings (
    booking_id    INTEGER PRIMARY KEY,
    uid           TEXT        NOT NULL UNIQUE,
    event_type_id INTEGER,
    team_id       INTEGER,
    host_ids      INTEGER[]   NOT NULL,
    start_time    TIMESTAMPTZ NOT NULL,
    end_time      TIMESTAMPTZ NOT NULL,
    payload       JSONB       NOT NULL
);

-- One POST to make (or made) to one subscriber; body is the exact bytes sent, signed at sending.
CREATE TABLE notifications.webhook_deliveries (
    id             TEXT PRIMARY KEY,
    webhook_id     TEXT        NOT NULL,
    booking_id     INTEGER,
    trigger_event  TEXT        NOT NULL,
    subscriber_url TEXT        NOT NULL,
    body           TEXT        NOT NULL,
    status         TEXT        NOT NULL CHECK (status IN ('PENDING', 'SUCCEEDED', 'FAILED', 'CANCELLED')),
    due_at         TIMESTAMPTZ NOT NULL,
    created_at     TIMESTAMPTZ NOT NULL,
    completed_at   TIMESTAMPTZ,
    event_id       TEXT        NOT NULL,
    -- One delivery per webhook for each event (and trigger): a re-delivered event is not sent twice.
    UNIQUE (event_id, webhook_id, trigger_event)
);
CREATE INDEX webhook_deliveries_webhook_idx ON notifications.webhook_deliveries (webhook_id, created_at);
CREATE INDEX webhook_deliveries_pending_booking_idx ON notifications.webhook_deliveries (booking_id)
    WHERE status = 'PENDING';

-- Each try of a delivery: when, how long, and what came back (an HTTP status or an error).
CREATE TABLE notifications.webhook_delivery_attempts (
    delivery_id  TEXT        NOT NULL REFERENCES notifications.webhook_deliveries (id) ON DELETE CASCADE,
    attempt      INTEGER     NOT NULL,
    attempted_at TIMESTAMPTZ NOT NULL,
    duration_ms  BIGINT      NOT NULL,
    http_status  INTEGER,
    error        TEXT,
    PRIMARY KEY (delivery_id, attempt)
);
