package com.calcomalt.query.calendar;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of cal.com's {@code DestinationCalendar} table: where a user's or an event type's bookings are written. */
@Entity
@Table(name = "DestinationCalendar")
class DestinationCalendarRow {

    @Id
    int id;
    String integration;
    String externalId;
    Integer userId;
    Integer eventTypeId;
    Integer credentialId;
    String primaryEmail;
    String domainWideDelegationCredentialId;
    String delegationCredentialId;
    Instant createdAt;
    Instant updatedAt;
    Integer customCalendarReminder;

    protected DestinationCalendarRow() {
        // for JPA
    }
}
