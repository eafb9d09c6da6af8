package com.calcomalt.query.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of cal.com's {@code Availability} table: weekly hours (days) or a date override (date). */
@Entity
@Table(name = "Availability")
class AvailabilityRow {

    @Id
    int id;
    Integer userId;
    Integer eventTypeId;
    @JdbcTypeCode(SqlTypes.ARRAY)
    List<Integer> days;
    LocalDate date;
    LocalTime startTime;
    LocalTime endTime;
    Integer scheduleId;

    protected AvailabilityRow() {
        // for JPA
    }
}
