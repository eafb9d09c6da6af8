package com.calcomalt.query.scheduling.bookings;

import com.calcomalt.contracts.scheduling.BookingStatus;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.DynamicUpdate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of cal.com's {@code BookingDenormalized} table: the booking with its event type's and
 * user's columns copied in. Updates write only the changed columns, because the copied columns are
 * also changed by bulk updates that a row loaded earlier in the batch does not see.
 */
@Entity
@Table(name = "BookingDenormalized")
@DynamicUpdate
class BookingDenormalizedRow {

    @Id
    int id;
    String uid;
    Integer eventTypeId;
    String title;
    String description;
    Instant startTime;
    Instant endTime;
    Instant createdAt;
    Instant updatedAt;
    String location;
    boolean paid;
    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    BookingStatus status;
    Boolean rescheduled;
    Integer userId;
    Integer teamId;
    Integer eventLength;
    Integer eventParentId;
    String userEmail;
    String userName;
    String userUsername;
    String ratingFeedback;
    Integer rating;
    Boolean noShowHost;
    boolean isTeamBooking;

    protected BookingDenormalizedRow() {
        // for JPA
    }
}
