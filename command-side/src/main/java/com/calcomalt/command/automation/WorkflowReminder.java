package com.calcomalt.command.automation;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.calcomalt.contracts.automation.CancelWorkflowReminder;
import com.calcomalt.contracts.automation.MarkWorkflowReminderFailed;
import com.calcomalt.contracts.automation.MarkWorkflowReminderSent;
import com.calcomalt.contracts.automation.RecordWorkflowReminderAttempt;
import com.calcomalt.contracts.automation.RetryWorkflowReminder;
import com.calcomalt.contracts.automation.ScheduleWorkflowReminder;
import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowMethods;
import com.calcomalt.contracts.automation.WorkflowReminderCancelled;
import com.calcomalt.contracts.automation.WorkflowReminderDelivery;
import com.calcomalt.contracts.automation.WorkflowReminderFailed;
import com.calcomalt.contracts.automation.WorkflowReminderIds;
import com.calcomalt.contracts.automation.WorkflowReminderRetried;
import com.calcomalt.contracts.automation.WorkflowReminderScheduled;
import com.calcomalt.contracts.automation.WorkflowReminderSendAttempted;
import com.calcomalt.contracts.automation.WorkflowReminderSent;
import com.calcomalt.platform.domain.DomainConflict;
import com.calcomalt.platform.domain.DomainRuleViolation;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

/**
 * One WorkflowReminder: one step of one workflow for one booking (and seat). It is planned, then
 * either cancelled or claimed for sending; a claim is final, so a reminder is sent at most once.
 * A claimed reminder ends as sent or failed; a failed one, or one whose claim has no outcome
 * because the process stopped while sending, is sent again only when an operator retries it.
 */
@Aggregate
public class WorkflowReminder {

    enum Status { SCHEDULED, ATTEMPTED, SENT, FAILED, CANCELLED }

    @AggregateIdentifier
    private String aggregateId;
    private WorkflowReminderDelivery delivery;
    private Status status;

    protected WorkflowReminder() {
        // for Axon
    }

    /** Creates the reminder unless it exists: a planner that sees its booking event again is refused, not doubled. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(ScheduleWorkflowReminder command) {
        if (status != null) {
            throw new DomainConflict("Reminder " + command.uuid() + " is planned already");
        }
        if (!command.uuid().equals(WorkflowReminderIds.uuid(command.booking().uid(), command.workflowStepId(),
                command.seatReferenceId()))) {
            throw new DomainRuleViolation("A reminder's uuid is made from its booking, step and seat");
        }
        if (command.action() == WorkflowActions.CAL_AI_PHONE_CALL) {
            throw new DomainRuleViolation("AI phone calls are not reminders this system sends");
        }
        if (command.scheduledDate() == null) {
            throw new DomainRuleViolation("A reminder needs a scheduledDate");
        }
        apply(new WorkflowReminderScheduled(command.uuid(), command.reminderId(), command.workflowId(),
                command.workflowStepId(), command.trigger(), command.action(), WorkflowMethods.of(command.action()),
                command.scheduledDate(), command.seatReferenceId(), command.booking(), command.plannedAt()));
    }

    @CommandHandler
    void handle(CancelWorkflowReminder command) {
        switch (status) {
            case CANCELLED -> throw new DomainConflict("Reminder " + delivery.uuid() + " is cancelled already");
            case ATTEMPTED, SENT -> throw new DomainConflict("Reminder " + delivery.uuid()
                    + " was handed to its sender and can no longer be cancelled");
            default -> apply(new WorkflowReminderCancelled(delivery.uuid(), delivery.reminderId(), command.reason(),
                    command.cancelledAt()));
        }
    }

    @CommandHandler
    WorkflowReminderDelivery handle(RecordWorkflowReminderAttempt command) {
        switch (status) {
            case CANCELLED -> throw new DomainConflict("Reminder " + delivery.uuid() + " is cancelled: not sent");
            case SENT -> throw new DomainConflict("Reminder " + delivery.uuid() + " was sent already");
            case ATTEMPTED -> throw new DomainConflict("Reminder " + delivery.uuid()
                    + " was handed to its sender before, with no outcome: not sent again");
            case FAILED -> throw new DomainConflict("Reminder " + delivery.uuid() + " failed; only a retry sends it again");
            default -> apply(new WorkflowReminderSendAttempted(delivery.uuid(), delivery.reminderId(),
                    command.attemptedAt()));
        }
        return delivery;
    }

    @CommandHandler
    void handle(MarkWorkflowReminderSent command) {
        requireAttempted();
        apply(new WorkflowReminderSent(delivery.uuid(), delivery.reminderId(), command.referenceId(), command.sentAt()));
    }

    @CommandHandler
    void handle(MarkWorkflowReminderFailed command) {
        requireAttempted();
        apply(new WorkflowReminderFailed(delivery.uuid(), delivery.reminderId(), command.error(), command.failedAt()));
    }

    @CommandHandler
    void handle(RetryWorkflowReminder command) {
        if (status != Status.FAILED && status != Status.ATTEMPTED) {
            throw new DomainConflict("Only a failed reminder, or one handed to its sender with no outcome, is retried");
        }
        apply(new WorkflowReminderRetried(delivery.uuid(), delivery.reminderId(), command.scheduledDate()));
    }

    private void requireAttempted() {
        if (status != Status.ATTEMPTED) {
            throw new DomainConflict("Reminder " + delivery.uuid() + " is not being sent");
        }
    }

    @EventSourcingHandler
    void on(WorkflowReminderScheduled event) {
        aggregateId = WorkflowReminderIds.aggregateId(event.uuid());
        delivery = new WorkflowReminderDelivery(event.uuid(), event.reminderId(), event.workflowId(),
                event.workflowStepId(), event.trigger(), event.action(), event.method(), event.seatReferenceId(),
                event.booking());
        status = Status.SCHEDULED;
    }

    @EventSourcingHandler
    void on(WorkflowReminderCancelled event) {
        status = Status.CANCELLED;
    }

    @EventSourcingHandler
    void on(WorkflowReminderSendAttempted event) {
        status = Status.ATTEMPTED;
    }

    @EventSourcingHandler
    void on(WorkflowReminderSent event) {
        status = Status.SENT;
    }

    @EventSourcingHandler
    void on(WorkflowReminderFailed event) {
        status = Status.FAILED;
    }

    @EventSourcingHandler
    void on(WorkflowReminderRetried event) {
        status = Status.SCHEDULED;
    }
}
