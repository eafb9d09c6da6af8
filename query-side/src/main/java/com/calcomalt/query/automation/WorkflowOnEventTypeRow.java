package com.calcomalt.query.automation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of cal.com's {@code WorkflowsOnEventTypes} table: a workflow active on an event type. */
@Entity
@Table(name = "WorkflowsOnEventTypes")
class WorkflowOnEventTypeRow {

    @Id
    int id;
    int workflowId;
    int eventTypeId;

    protected WorkflowOnEventTypeRow() {
        // for JPA
    }
}
