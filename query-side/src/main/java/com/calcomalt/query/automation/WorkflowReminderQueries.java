package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.FindWorkflowReminders;
import com.calcomalt.contracts.automation.WorkflowReminderView;
import com.calcomalt.platform.domain.AccessDenied;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workflow reminders for operators, so the uuid a retry needs is found without psql. "Failed" is the
 * condition of the {@code calalt.reminders.failed} gauge (WorkflowReminderCounts), so the list and the
 * count agree.
 */
@Component
@Transactional(readOnly = true)
class WorkflowReminderQueries {

    static final String FAILED = """
            "method" in ('EMAIL', 'SMS', 'WHATSAPP', 'AI_PHONE_CALL') and not "scheduled"
            and "scheduledDate" <= now() and "retryCount" > 0 and "referenceId" is null and "cancelled" is not true""";

    private final JdbcTemplate jdbc;

    WorkflowReminderQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    List<WorkflowReminderView> handle(FindWorkflowReminders query) {
        if (!query.caller().systemAdmin()) {
            throw new AccessDenied("Workflow reminders are listed for system administrators, who retry them");
        }
        return jdbc.query("""
                select uuid, "bookingUid", "method"::text, "scheduledDate", "scheduled", "referenceId",
                       "workflowStepId", "cancelled", "seatReferenceId", coalesce("isMandatoryReminder", false),
                       "retryCount", (%s) as failed
                from "WorkflowReminder"
                where (?::text is null or "bookingUid" = ?) and (not ? or (%s))
                order by "scheduledDate", id limit ? offset ?""".formatted(FAILED, FAILED),
                (rs, i) -> new WorkflowReminderView(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getBoolean(5),
                        rs.getString(6), (Integer) rs.getObject(7), (Boolean) rs.getObject(8), rs.getString(9),
                        rs.getBoolean(10), rs.getInt(11), rs.getBoolean(12)),
                query.bookingUid(), query.bookingUid(), query.failedOnly(), query.take(), query.skip());
    }
}
