-- The operator's counts (health and metrics, counted every few seconds) read these partial indexes:
-- each holds only the rows counted, so a count costs next to nothing however long the tables grow.
CREATE INDEX webhook_deliveries_failed_idx ON notifications.webhook_deliveries (id) WHERE status = 'FAILED';
CREATE INDEX booking_events_unwritten_idx ON calendar.booking_events (status) WHERE status IN ('FAILED', 'RETRYING');
CREATE INDEX scheduled_tasks_failing_idx ON scheduler.scheduled_tasks (task_name) WHERE consecutive_failures > 0;
