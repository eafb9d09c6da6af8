package com.calcomalt.query.automation;

import com.calcomalt.contracts.automation.TimeUnit;
import com.calcomalt.contracts.automation.WorkflowTriggerEvents;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of cal.com's {@code Workflow} table; type keeps its default EVENT_TYPE (routing forms are not here). */
@Entity
@Table(name = "Workflow")
class WorkflowRow {

    @Id
    int id;
    String name;
    Integer userId;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    WorkflowTriggerEvents trigger;
    Integer time;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    TimeUnit timeUnit;
    Integer teamId;
    int position = 0;
    boolean isActiveOnAll = false;

    protected WorkflowRow() {
        // for JPA
    }
}
