package com.calcomalt.query.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of cal.com's {@code SelectedSlots} table: a slot held for a booker. */
@Entity
@Table(name = "SelectedSlots")
class SelectedSlotRow {

    @Id
    int id;
    int eventTypeId;
    int userId;
    Instant slotUtcStartDate;
    Instant slotUtcEndDate;
    String uid;
    Instant releaseAt;
    boolean isSeat = false;

    protected SelectedSlotRow() {
        // for JPA
    }
}
