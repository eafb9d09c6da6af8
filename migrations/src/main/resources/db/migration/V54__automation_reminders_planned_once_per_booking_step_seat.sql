-- A workflow reminder is planned once per booking, step and seat. The planner names its reminders by
-- those three, so the primary key said it; reminders imported from cal.com keep cal.com's uuid, so it
-- is said here, and the planner's insert ... on conflict do nothing stops at an imported reminder too.
CREATE UNIQUE INDEX planned_reminders_once_per_booking_step_seat
    ON automation.planned_reminders (booking_uid, workflow_step_id, coalesce(seat_reference_id, ''))
    WHERE kind = 'WORKFLOW';
