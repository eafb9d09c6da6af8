package com.calcomalt.query.billing;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of the seed's {@code Seat} table, every column; its id was allocated on the command side. */
@Entity
@Table(name = "Seat")
class SeatRow {

    @Id
    int id;
    int orgId;
    int userId;
    Instant createdAt;

    protected SeatRow() {
        // for JPA
    }
}
