package com.calcomalt.query.scheduling.bookings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.DynamicUpdate;

/** A row of cal.com's {@code Attendee} table: a booker, a guest, a seat holder, or a co-host of a team booking. */
@Entity
@Table(name = "Attendee")
@DynamicUpdate
class AttendeeRow {

    @Id
    int id;
    String email;
    String name;
    String timeZone;
    Integer bookingId;
    String locale = "en";
    String phoneNumber;
    Boolean noShow = false;

    protected AttendeeRow() {
        // for JPA
    }
}
