package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.WorkflowReminderCancelled;
import com.calcomalt.contracts.automation.WorkflowReminderFailed;
import com.calcomalt.contracts.automation.WorkflowReminderRetried;
import com.calcomalt.contracts.automation.WorkflowReminderScheduled;
import com.calcomalt.contracts.automation.WorkflowReminderSendAttempted;
import com.calcomalt.contracts.automation.WorkflowReminderSent;
import jakarta.persistence.EntityManager;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps cal.com's {@code WorkflowReminder} table from the reminders' own events. The flags as this
 * system keeps them: planned (scheduled = false, cancelled null), handed to a sender (scheduled =
 * true), sent (referenceId = the sender's message id), failed (scheduled = false, retryCount + 1),
 * cancelled (cancelled = true; the row stays). A reminder of a step deleted meanwhile has no row,
 * as cal.com's cascade from WorkflowStep leaves none.
 */
@Component
@ProcessingGroup("calcom.WorkflowReminder")
class WorkflowReminderProjector {

    private final EntityManager entityManager;

    WorkflowReminderProjector(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @EventHandler
    void on(WorkflowReminderScheduled event) {
        entityManager.createNativeQuery("""
                insert into "WorkflowReminder" ("id", "bookingUid", "method", "scheduledDate", "referenceId", "scheduled",
                    "workflowStepId", "cancelled", "seatReferenceId", "isMandatoryReminder", "retryCount", "uuid")
                select :id, :bookingUid, cast(:method as "WorkflowMethods"), :scheduledDate, null, false, :stepId, null,
                       :seat, false, 0, :uuid
                where exists (select 1 from "WorkflowStep" where "id" = :stepId)
                on conflict ("id") do update set "scheduledDate" = excluded."scheduledDate", "scheduled" = false,
                    "cancelled" = null, "referenceId" = null, "retryCount" = 0""")
                .setParameter("id", event.reminderId())
                .setParameter("bookingUid", event.booking().uid())
                .setParameter("method", event.method().name())
                .setParameter("scheduledDate", event.scheduledDate())
                .setParameter("stepId", event.workflowStepId())
                .setParameter("seat", event.seatReferenceId())
                .setParameter("uuid", event.uuid())
                .executeUpdate();
    }

    @EventHandler
    void on(WorkflowReminderCancelled event) {
        update(event.reminderId(), "\"cancelled\" = true");
    }

    @EventHandler
    void on(WorkflowReminderSendAttempted event) {
        update(event.reminderId(), "\"scheduled\" = true");
    }

    @EventHandler
    void on(WorkflowReminderSent event) {
        entityManager.createNativeQuery("update \"WorkflowReminder\" set \"referenceId\" = :reference where \"id\" = :id")
                .setParameter("reference", event.referenceId()).setParameter("id", event.reminderId()).executeUpdate();
    }

    /** Counted once per failure event, so a replay counts the same. */
    @EventHandler
    void on(WorkflowReminderFailed event) {
        update(event.reminderId(), "\"scheduled\" = false, \"retryCount\" = \"retryCount\" + 1");
    }

    @EventHandler
    void on(WorkflowReminderRetried event) {
        entityManager.createNativeQuery("""
                update "WorkflowReminder" set "scheduled" = false, "scheduledDate" = :date where "id" = :id""")
                .setParameter("date", event.scheduledDate()).setParameter("id", event.reminderId()).executeUpdate();
    }

    @ResetHandler
    void reset() {
        entityManager.createNativeQuery("delete from \"WorkflowReminder\"").executeUpdate();
    }

    /** A missing row is one its step's deletion took away; there is nothing left to change. */
    private void update(int reminderId, String assignments) {
        entityManager.createNativeQuery("update \"WorkflowReminder\" set " + assignments + " where \"id\" = :id")
                .setParameter("id", reminderId).executeUpdate();
    }
}
