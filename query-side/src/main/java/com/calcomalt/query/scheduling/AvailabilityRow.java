package com.calcomalt.query.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.descriptor.jdbc.LocalDateJdbcType;
import org.hibernate.type.descriptor.jdbc.LocalTimeJdbcType;
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
    // Bound as they are: the UTC conversion meant for timestamps would shift wall-clock hours.
    @JdbcType(LocalDateJdbcType.class)
    LocalDate date;
    @JdbcType(LocalTimeJdbcType.class)
    LocalTime startTime;
    @JdbcType(LocalTimeJdbcType.class)
    LocalTime endTime;
    Integer scheduleId;

    protected AvailabilityRow() {
        // for JPA
    }
}
