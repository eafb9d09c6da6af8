-- The durable scheduler (db-scheduler): every due piece of work is a row here, so it survives a
-- restart, and a node picks a row only by claiming it (picked, picked_by, version), so each runs on
-- one node of many. The table is db-scheduler's own for PostgreSQL, in a schema of its own.
CREATE SCHEMA IF NOT EXISTS scheduler;

CREATE TABLE scheduler.scheduled_tasks (
    task_name            TEXT                     NOT NULL,
    task_instance        TEXT                     NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN                  NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT                   NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX scheduled_tasks_execution_time_idx ON scheduler.scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat_idx ON scheduler.scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time_idx ON scheduler.scheduled_tasks (priority DESC, execution_time ASC);
