package com.calcomalt.query.scheduling;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A row of cal.com's {@code Host} table: a team member hosting a team event type. */
@Entity
@Table(name = "Host")
@IdClass(HostRow.Key.class)
class HostRow {

    @Id
    int userId;
    @Id
    int eventTypeId;
    boolean isFixed = false;
    Integer priority;
    Integer weight;
    Integer weightAdjustment;
    Integer scheduleId;
    Instant createdAt;
    String groupId;
    Integer memberId;

    protected HostRow() {
        // for JPA
    }

    record Key(int userId, int eventTypeId) implements Serializable {
    }
}
