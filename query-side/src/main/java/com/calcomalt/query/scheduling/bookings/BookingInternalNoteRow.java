package com.calcomalt.query.scheduling.bookings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of cal.com's {@code BookingInternalNote} table: a note the host side keeps on a booking. */
@Entity
@Table(name = "BookingInternalNote")
class BookingInternalNoteRow {

    @Id
    int id;
    Integer notePresetId;
    String text;
    int bookingId;
    int createdById;
    Instant createdAt;

    protected BookingInternalNoteRow() {
        // for JPA
    }
}
