package com.calcomalt.query.scheduling.bookings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of cal.com's {@code BookingSeat} table: one taken seat of a seated booking, with its attendee. */
@Entity
@Table(name = "BookingSeat")
class BookingSeatRow {

    @Id
    int id;
    String referenceUid;
    int bookingId;
    int attendeeId;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> data;
    @JdbcTypeCode(SqlTypes.JSON)
    Map<String, Object> metadata;

    protected BookingSeatRow() {
        // for JPA
    }
}
