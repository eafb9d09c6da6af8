package com.calcomalt.query.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of cal.com's {@code OutOfOfficeEntry} table. */
@Entity
@Table(name = "OutOfOfficeEntry")
class OutOfOfficeEntryRow {

    @Id
    int id;
    String uuid;
    Instant start;
    Instant end;
    int userId;
    Integer toUserId;
    Instant createdAt;
    Instant updatedAt;
    Integer reasonId;
    String notes;
    boolean showNotePublicly = false;

    protected OutOfOfficeEntryRow() {
        // for JPA
    }
}
