-- Workflows on the command side, changed in the transaction that appends the events they follow.

-- Each workflow as its events leave it (owner, trigger, offset, where active, steps in order), for its commands and for reminders.
CREATE TABLE command_side.workflows (
    workflow_id      INTEGER   NOT NULL,
    user_id          INTEGER,
    team_id          INTEGER,
    trigger          TEXT      NOT NULL,
    time             INTEGER,
    time_unit        TEXT,
    is_active_on_all BOOLEAN   NOT NULL,
    event_type_ids   INTEGER[] NOT NULL DEFAULT '{}',
    team_ids         INTEGER[] NOT NULL DEFAULT '{}',
    steps            JSONB     NOT NULL DEFAULT '[]',
    CONSTRAINT workflows_pkey PRIMARY KEY (workflow_id)
);
CREATE INDEX workflows_user_idx ON command_side.workflows (user_id);
CREATE INDEX workflows_team_idx ON command_side.workflows (team_id);
CREATE INDEX workflows_event_types_idx ON command_side.workflows USING gin (event_type_ids);
CREATE INDEX workflows_teams_idx ON command_side.workflows USING gin (team_ids);
