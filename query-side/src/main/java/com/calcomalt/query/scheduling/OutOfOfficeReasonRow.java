package com.calcomalt.query.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of cal.com's {@code OutOfOfficeReason} table. */
@Entity
@Table(name = "OutOfOfficeReason")
class OutOfOfficeReasonRow {

    @Id
    int id;
    String emoji;
    String reason;
    boolean enabled = true;
    Integer userId;

    protected OutOfOfficeReasonRow() {
        // for JPA
    }
}
