package com.calcomalt.command.automation;

import com.calcomalt.contracts.automation.CancelWorkflowReminder;
import com.calcomalt.contracts.automation.MarkWorkflowReminderFailed;
import com.calcomalt.contracts.automation.MarkWorkflowReminderSent;
import com.calcomalt.contracts.automation.RecordWorkflowReminderAttempt;
import com.calcomalt.contracts.automation.ReminderBooking;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowMethods;
import com.calcomalt.contracts.automation.WorkflowReminderDelivery;
import com.calcomalt.contracts.automation.WorkflowStepSettings;
import com.calcomalt.contracts.scheduling.BookingAttendee;
import com.calcomalt.platform.domain.DomainConflict;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Sends one due workflow reminder: a db-scheduler one-time task whose instance id is the reminder's
 * uuid, so it is a row in scheduler.scheduled_tasks from planning until it ran, and runs on one node.
 *
 * <p>At most once. The run first claims the reminder ({@link RecordWorkflowReminderAttempt}, whose
 * event commits before anything is sent), then sends, then records the outcome. A run that the
 * process loses after the claim (crash, kill) is run again by db-scheduler, finds the claim, and
 * sends nothing: the reminder stays "attempted, no outcome" (scheduled = true, no referenceId) for an
 * operator to judge and retry. A duplicate reminder annoys the attendee and costs money; a lost one is
 * visible and rare.
 */
@Configuration
class WorkflowReminderTask {

    static final String NAME = "workflow-reminder";
    private static final Logger log = LoggerFactory.getLogger(WorkflowReminderTask.class);
    private static final TypeReference<List<WorkflowRegistry.Step>> STEPS = new TypeReference<>() {
    };

    private final CommandGateway commands;
    private final JdbcTemplate jdbc;
    private final ReminderEmailSender email;
    private final ReminderTextSender text;
    private final ObjectMapper json;
    private final Clock clock;
    private final ActiveWorkflows activeWorkflows;

    WorkflowReminderTask(CommandGateway commands, JdbcTemplate jdbc, ReminderEmailSender email, ReminderTextSender text,
                         ObjectMapper json, Clock clock, ActiveWorkflows activeWorkflows) {
        this.commands = commands;
        this.jdbc = jdbc;
        this.email = email;
        this.text = text;
        this.json = json;
        this.clock = clock;
        this.activeWorkflows = activeWorkflows;
    }

    static TaskInstance<Void> instance(String uuid) {
        return new TaskInstance<>(NAME, uuid);
    }

    @Bean
    OneTimeTask<Void> workflowReminderSending() {
        return Tasks.oneTime(NAME, Void.class).execute((instance, context) -> send(instance.getId()));
    }

    /** One run for one reminder; what it did is in the reminder's events. */
    void send(String uuid) {
        Optional<WorkflowStepSettings> step = step(uuid);
        if (step.isEmpty()) {
            refuse(() -> commands.sendAndWait(new CancelWorkflowReminder(uuid,
                    "its workflow step is gone, or no longer active on the event type", clock.instant())), uuid);
            return;
        }
        WorkflowReminderDelivery delivery;
        try {
            delivery = commands.sendAndWait(new RecordWorkflowReminderAttempt(uuid, clock.instant()));
        } catch (DomainConflict | AggregateNotFoundException notToSend) {
            log.info("Reminder {} not sent: {}", uuid, notToSend.getMessage());
            return;
        }
        String referenceId;
        try {
            referenceId = deliver(delivery, step.get());
        } catch (RuntimeException failed) {
            log.warn("Reminder {} failed: {}", uuid, failed.getMessage());
            commands.sendAndWait(new MarkWorkflowReminderFailed(uuid, String.valueOf(failed.getMessage()),
                    clock.instant()));
            return;
        }
        commands.sendAndWait(new MarkWorkflowReminderSent(uuid, referenceId, clock.instant()));
    }

    private String deliver(WorkflowReminderDelivery delivery, WorkflowStepSettings step) {
        ReminderBooking booking = delivery.booking();
        BookingAttendee attendee = booking.attendees().isEmpty() ? null : booking.attendees().get(0);
        WorkflowActions action = delivery.action();
        if (delivery.method() == WorkflowMethods.EMAIL) {
            List<String> to;
            String timeZone;
            String defaultBody = ReminderTemplate.DEFAULT_BODY;
            switch (action) {
                case EMAIL_HOST -> {
                    to = List.of(booking.organizerEmail());
                    timeZone = booking.organizerTimeZone();
                    defaultBody = ReminderTemplate.DEFAULT_HOST_BODY;
                }
                case EMAIL_ADDRESS -> {
                    to = List.of(step.sendTo());
                    timeZone = booking.organizerTimeZone();
                }
                default -> {
                    to = booking.attendees().stream().map(BookingAttendee::email).filter(e -> e != null && !e.isBlank())
                            .toList();
                    timeZone = attendee == null ? booking.organizerTimeZone() : attendee.timeZone();
                }
            }
            if (to.isEmpty() || to.stream().anyMatch(a -> a == null || a.isBlank())) {
                throw new IllegalArgumentException("No address to send " + action + " to");
            }
            String subject = step.emailSubject() == null || step.emailSubject().isBlank()
                    ? ReminderTemplate.DEFAULT_SUBJECT : step.emailSubject();
            String body = step.reminderBody() == null || step.reminderBody().isBlank() ? defaultBody : step.reminderBody();
            return email.send(new ReminderEmail(to, ReminderTemplate.fill(subject, booking, attendee, timeZone),
                    ReminderTemplate.fill(body, booking, attendee, timeZone)));
        }
        String number = action.sendsToNumber() ? step.sendTo()
                : booking.smsReminderNumber() != null ? booking.smsReminderNumber()
                : attendee == null ? null : attendee.phoneNumber();
        if (number == null || number.isBlank()) {
            throw new IllegalArgumentException("No number to send " + action + " to");
        }
        String timeZone = action.sendsToNumber() || attendee == null ? booking.organizerTimeZone() : attendee.timeZone();
        String body = step.reminderBody() == null || step.reminderBody().isBlank() ? ReminderTemplate.DEFAULT_SUBJECT
                : step.reminderBody();
        return text.send(new ReminderTextMessage(delivery.method(), number, step.sender(),
                ReminderTemplate.fill(body, booking, attendee, timeZone)));
    }

    /**
     * The step as it is now; nothing when the step or its workflow was removed since planning, or the
     * workflow is no longer active on the booking's event type (cal.com then deletes its reminders).
     */
    private Optional<WorkflowStepSettings> step(String uuid) {
        record Planned(String steps, int stepId, int workflowId, Integer eventTypeId) {
        }
        List<Planned> planned = jdbc.query("""
                select w.steps::text, p.workflow_step_id, p.workflow_id, b.event_type_id
                from automation.planned_reminders p
                join command_side.workflows w on w.workflow_id = p.workflow_id
                left join automation.reminder_bookings b on b.booking_uid = p.booking_uid
                where p.task_instance = ?""", (rs, i) -> new Planned(rs.getString(1), rs.getInt(2), rs.getInt(3),
                (Integer) rs.getObject(4)), uuid);
        if (planned.isEmpty()) {
            return Optional.empty();
        }
        Planned reminder = planned.get(0);
        if (reminder.eventTypeId() != null
                && !activeWorkflows.isActive(reminder.workflowId(), reminder.eventTypeId())) {
            return Optional.empty();
        }
        try {
            return json.readValue(reminder.steps(), STEPS).stream().filter(s -> s.id() == reminder.stepId())
                    .map(WorkflowRegistry.Step::settings).findFirst();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The steps of a workflow are not readable", e);
        }
    }

    private static void refuse(Runnable command, String uuid) {
        try {
            command.run();
        } catch (DomainConflict | AggregateNotFoundException done) {
            log.debug("Reminder {}: {}", uuid, done.getMessage());
        }
    }
}
