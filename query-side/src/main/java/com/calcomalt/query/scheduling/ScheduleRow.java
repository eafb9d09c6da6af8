package com.calcomalt.query.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of cal.com's {@code Schedule} table. */
@Entity
@Table(name = "Schedule")
class ScheduleRow {

    @Id
    int id;
    int userId;
    String name;
    String timeZone;

    protected ScheduleRow() {
        // for JPA
    }
}
