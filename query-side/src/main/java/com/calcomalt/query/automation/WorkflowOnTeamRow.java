package com.calcomalt.query.automation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of cal.com's {@code WorkflowsOnTeams} table: an organization's workflow active on one of its teams. */
@Entity
@Table(name = "WorkflowsOnTeams")
class WorkflowOnTeamRow {

    @Id
    int id;
    int workflowId;
    int teamId;

    protected WorkflowOnTeamRow() {
        // for JPA
    }
}
