package com.calcomalt.query.scheduling.bookings;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of cal.com's {@code BookingReference} table: the booking's event in a calendar or video app. */
@Entity
@Table(name = "BookingReference")
class BookingReferenceRow {

    @Id
    int id;
    String type;
    String uid;
    Integer bookingId;
    String meetingId;
    String meetingPassword;
    String meetingUrl;
    Boolean deleted;
    String externalCalendarId;
    Integer credentialId;
    String thirdPartyRecurringEventId;
    String domainWideDelegationCredentialId;
    String delegationCredentialId;

    protected BookingReferenceRow() {
        // for JPA
    }
}
