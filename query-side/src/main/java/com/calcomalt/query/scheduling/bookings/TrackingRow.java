package com.calcomalt.query.scheduling.bookings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of cal.com's {@code Tracking} table: the UTM attribution of a booking. */
@Entity
@Table(name = "Tracking")
class TrackingRow {

    @Id
    int id;
    int bookingId;
    String utm_source;
    String utm_medium;
    String utm_campaign;
    String utm_term;
    String utm_content;

    protected TrackingRow() {
        // for JPA
    }
}
