package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.WorkflowActions;
import com.calcomalt.contracts.automation.WorkflowTemplates;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of cal.com's {@code WorkflowStep} table; agentId and inboundAgentId are only ever imported (no Cal AI agents here). */
@Entity
@Table(name = "WorkflowStep")
class WorkflowStepRow {

    @Id
    int id;
    int stepNumber;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    WorkflowActions action;
    int workflowId;
    String sendTo;
    String reminderBody;
    String emailSubject;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    WorkflowTemplates template = WorkflowTemplates.REMINDER;
    Boolean numberRequired;
    String sender;
    boolean numberVerificationPending = true;
    boolean includeCalendarEvent = false;
    Instant verifiedAt;
    String agentId;
    String inboundAgentId;

    protected WorkflowStepRow() {
        // for JPA
    }
}
