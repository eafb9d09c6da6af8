package com.calcomalt.command.automation;

import com.calcomalt.contracts.automation.WorkflowReminderCancelled;
import com.calcomalt.contracts.automation.WorkflowReminderFailed;
import com.calcomalt.contracts.automation.WorkflowReminderRetried;
import com.calcomalt.contracts.automation.WorkflowReminderScheduled;
import com.calcomalt.contracts.automation.WorkflowReminderSendAttempted;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The reminders imported from cal.com, taken into the planner's own bookkeeping in the transaction that
 * appends them, as the ReminderPlanner does for the reminders it plans: each is a planned reminder of its
 * booking (so cancelling or rescheduling the booking here cancels it), and one still to be sent has its
 * sending task at its time, unless its booking no longer takes place. One handed to its sender in cal.com,
 * failed there and not retried, or cancelled has no task, so nothing is sent twice. Reminders planned by this system are the planner's alone.
 */
@Component
@ProcessingGroup("identity-registry")
class ImportedWorkflowReminders {

    private static final String IMPORTED = "imported";

    private final JdbcTemplate jdbc;
    private final SchedulerClient scheduler;
    private final Clock clock;

    ImportedWorkflowReminders(JdbcTemplate jdbc, SchedulerClient scheduler, Clock clock) {
        this.jdbc = jdbc;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    private static boolean imported(String source) {
        return "calcom".equals(source);
    }

    @EventHandler
    void on(WorkflowReminderScheduled event, @MetaDataValue(IMPORTED) String source) {
        if (!imported(source)) {
            return;
        }
        jdbc.update("""
                insert into automation.planned_reminders (task_instance, kind, reminder_key, booking_uid,
                    seat_reference_id, workflow_id, workflow_step_id)
                values (?, 'WORKFLOW', ?, ?, ?, ?, ?) on conflict do nothing""", event.uuid(), event.uuid(),
                event.booking().uid(), event.seatReferenceId(), event.workflowId(), event.workflowStepId());
        if (takingPlace(event.booking().uid())) {
            schedule(event.uuid(), event.scheduledDate());
        }
    }

    /** The booking's own events came first: one cancelled, declined or moved in cal.com is reminded of no more. */
    private boolean takingPlace(String bookingUid) {
        String status = jdbc.query("select status from command_side.bookings where uid = ?",
                rs -> rs.next() ? rs.getString(1) : null, bookingUid);
        return "accepted".equals(status) || "pending".equals(status);
    }

    @EventHandler
    void on(WorkflowReminderRetried event, @MetaDataValue(IMPORTED) String source) {
        if (imported(source) && takingPlace(jdbc.queryForObject(
                "select booking_uid from automation.planned_reminders where task_instance = ?", String.class,
                event.uuid()))) {
            schedule(event.uuid(), event.scheduledDate());
        }
    }

    @EventHandler
    void on(WorkflowReminderSendAttempted event, @MetaDataValue(IMPORTED) String source) {
        if (imported(source)) {
            unschedule(event.uuid());
        }
    }

    @EventHandler
    void on(WorkflowReminderFailed event, @MetaDataValue(IMPORTED) String source) {
        if (imported(source)) {
            unschedule(event.uuid());
        }
    }

    @EventHandler
    void on(WorkflowReminderCancelled event, @MetaDataValue(IMPORTED) String source) {
        if (imported(source)) {
            jdbc.update("update automation.planned_reminders set cancelled = true where task_instance = ?",
                    event.uuid());
            unschedule(event.uuid());
        }
    }

    /** A time already past is not sent late: the import leaves such reminders out, this is for their retries. */
    private void schedule(String uuid, Instant at) {
        if (at.isAfter(clock.instant())) {
            scheduler.scheduleIfNotExists(WorkflowReminderTask.instance(uuid), at);
        }
    }

    private void unschedule(String uuid) {
        TaskInstanceId task = TaskInstanceId.of(WorkflowReminderTask.NAME, uuid);
        if (scheduler.getScheduledExecution(task).isPresent()) {
            scheduler.cancel(task);
        }
    }
}
