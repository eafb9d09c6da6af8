-- The reminder planner's own tables (see ReminderPlanner). None of this is a cal.com table, and no
-- projection replay touches it: planning sends commands and schedules sending, which must happen once.
CREATE SCHEMA IF NOT EXISTS automation;

-- Each booking as the planner last saw it: what its reminders say about it, and its status, so a
-- later confirmation, cancellation or seat can be planned from the booking's own events.
CREATE TABLE automation.reminder_bookings (
    booking_uid   TEXT        PRIMARY KEY,
    booking_id    INTEGER     NOT NULL,
    event_type_id INTEGER,
    status        TEXT        NOT NULL,
    seat_uid      TEXT,
    created_at    TIMESTAMPTZ NOT NULL,
    booking       JSONB       NOT NULL
);

-- What the planner planned for each booking: the reminders it cancels when the booking goes, and
-- the step a workflow reminder sends. kind WORKFLOW: reminder_key is the WorkflowReminder's uuid;
-- kind PENDING_BOOKING: reminder_key is the minutes after the booking was made.
CREATE TABLE automation.planned_reminders (
    task_instance     TEXT    PRIMARY KEY,
    kind              TEXT    NOT NULL CHECK (kind IN ('WORKFLOW', 'PENDING_BOOKING')),
    reminder_key      TEXT    NOT NULL,
    booking_uid       TEXT    NOT NULL,
    seat_reference_id TEXT,
    workflow_id       INTEGER,
    workflow_step_id  INTEGER,
    cancelled         BOOLEAN NOT NULL DEFAULT false
);
CREATE INDEX planned_reminders_booking_idx ON automation.planned_reminders (booking_uid);
