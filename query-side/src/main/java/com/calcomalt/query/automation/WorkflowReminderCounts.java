package com.calcomalt.query.automation;

import com.calcomalt.platform.operations.OperationsCount;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Failed workflow reminders, counted in the read model: a send's outcome is only in the reminder's
 * events, and this table is their projection (failed: {@code retryCount} up, not sent, not cancelled,
 * not handed to a sender). cal.com's table takes no index of ours, so the count leads with the
 * columns of its index ("method", "scheduled", "scheduledDate"): it needs to read only reminders that
 * are due and not handed to a sender (the failed, the cancelled, those about to run), never the sent
 * or those still to come. GET /v2/admin/workflow-reminders?failed=true lists the same rows.
 */
@Configuration
class WorkflowReminderCounts {

    @Bean
    OperationsCount failedWorkflowReminders() {
        return OperationsCount.of("reminders", "failed", "calalt.reminders.failed",
                "Workflow reminders whose last send failed and that were not sent since",
                "select count(*) from \"WorkflowReminder\" where " + WorkflowReminderQueries.FAILED);
    }
}
